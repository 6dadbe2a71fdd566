#!/usr/bin/env python3
"""Checks the include lines under src/ against the rules in ARCHITECTURE.md.

Two fenced blocks there hold the rules:
  ```layers          one line per layer: `layer: the layers it may include`
  ```heavy-headers   one line per library: `header prefixes: the places that may include them`
A place is a layer, a folder or a file without its extension (`http/server`).
Prints every include that breaks a rule, with its file and line; exits 1 if there is one.

  check_layers.py [--src DIR]   (default: the repository's src/; the test of this check
                                 points it at tests/tools/layers_violation)
"""
import argparse
import os
import re
import sys

INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')


def fenced_block(text, name):
    match = re.search(r"^```" + re.escape(name) + r"\n(.*?)^```", text, re.M | re.S)
    if not match:
        sys.exit("ARCHITECTURE.md has no ```%s block" % name)
    rules = []
    for line in match.group(1).splitlines():
        if line.strip():
            left, _, right = line.partition(":")
            rules.append((left.split(), right.split()))
    return rules


def in_place(relative, place):
    return (relative == place or relative.startswith(place.rstrip("/") + "/")
            or os.path.splitext(relative)[0] == place)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
    parser.add_argument("--src", default=os.path.join(root, "src"))
    source = parser.parse_args().src
    with open(os.path.join(root, "ARCHITECTURE.md"), encoding="utf-8") as file:
        architecture = file.read()
    may_include = {layer[0]: set(allowed) | {layer[0]}
                   for layer, allowed in fenced_block(architecture, "layers")}
    heavy = fenced_block(architecture, "heavy-headers")

    problems = []
    checked = 0
    for directory, _, files in sorted(os.walk(source)):
        for name in sorted(files):
            if not name.endswith((".h", ".cpp")):
                continue
            path = os.path.join(directory, name)
            relative = os.path.relpath(path, source)
            layer = relative.split("/")[0]
            if layer not in may_include:
                problems.append("%s: its layer %s is not in the ```layers block" % (relative, layer))
                continue
            checked += 1
            with open(path, encoding="utf-8") as file:
                for number, line in enumerate(file, 1):
                    match = INCLUDE.match(line)
                    if not match:
                        continue
                    quote, header = match.groups()
                    target = header.split("/")[0]
                    if quote == '"' and target in may_include and target not in may_include[layer]:
                        problems.append("%s:%d: %s includes %s, a layer it must not depend on"
                                        % (relative, number, layer, header))
                    for prefixes, places in heavy:
                        if quote == "<" and any(header.startswith(p) for p in prefixes) \
                                and not any(in_place(relative, place) for place in places):
                            problems.append("%s:%d: <%s> belongs only in %s"
                                            % (relative, number, header, ", ".join(places)))
    for problem in problems:
        print(problem)
    print("%s: %d files, %d includes against the rules"
          % ("ok" if not problems else "FAIL", checked, len(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
