#!/usr/bin/python3
"""Checks api/openapi.yaml against the server.

  check_openapi.py [--spec api/openapi.yaml] [--binary build/planscore] [--log responses.jsonl]

Always checks the spec itself: every $ref resolves, every operation has a unique
operationId and at least one 2xx response, path parameters match the path templates,
every schema is a valid JSON Schema (Draft 2020-12) and request objects reject unknown
fields.

--binary: runs `PLANSCORE routes` and compares the route table with the spec's operations
(both ways), including which routes need a session (cookieAuth) and which need the
X-CSRF-Token header.

--log: a response log, one JSON object a line:
  {"method": "GET", "path": "/api/plan", "status": 200,
   "content_type": "application/json; charset=utf-8", "body": "..."}
Each response is matched to its operation; its status must be documented there, its
content type must be one the status documents, and JSON bodies (application/json and
application/problem+json) must validate against the documented schema. Requests no route
matches are checked against the router's own answers (404, 405 with Allow, and the 400 and
413 given before routing). Reports coverage, and lists operations with no logged response
(informational).

Exit status: 0 when everything holds, 1 when anything fails, 2 on bad usage.
Needs only Debian's python3-yaml and python3-jsonschema.
"""

import argparse
import json
import os
import re
import subprocess
import sys
from collections import Counter, OrderedDict, defaultdict

import yaml

try:
    from jsonschema import Draft202012Validator
except ImportError:  # pragma: no cover - jsonschema < 4
    sys.exit("check_openapi: python3-jsonschema 4.x is required (Draft 2020-12)")

METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")
CSRF_HEADER = "x-csrf-token"
# What the server answers on its own, before or instead of a route's handler, keyed by
# status: the component response that documents it.
ROUTER_RESPONSES = {400: "BadRequest", 404: "NotFound", 405: "MethodNotAllowed",
                    413: "PayloadTooLarge", 500: "InternalError"}
MAX_MESSAGE = 400
DEFAULT_SPEC = os.path.normpath(
    os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "api", "openapi.yaml"))


def shorten(text, limit=MAX_MESSAGE):
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def load_spec(path):
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with open(path, encoding="utf-8") as handle:
        return yaml.load(handle, Loader=loader)


# ---------------------------------------------------------------------------------------
# References


def resolve_pointer(spec, ref):
    """The object a local "#/a/b" reference names; KeyError when there is none."""
    if not isinstance(ref, str) or not ref.startswith("#"):
        raise KeyError(ref)
    node = spec
    if ref in ("#", "#/"):
        return node
    for raw in ref[2:].split("/"):
        part = raw.replace("~1", "/").replace("~0", "~")
        if isinstance(node, list):
            if not part.isdigit() or int(part) >= len(node):
                raise KeyError(ref)
            node = node[int(part)]
        elif isinstance(node, dict) and part in node:
            node = node[part]
        else:
            raise KeyError(ref)
    return node


def deref(spec, node, seen=None):
    """Follows a chain of non-schema $refs (responses, parameters, headers)."""
    seen = seen or set()
    while isinstance(node, dict) and "$ref" in node:
        ref = node["$ref"]
        if ref in seen:
            raise KeyError("circular reference " + ref)
        seen.add(ref)
        node = resolve_pointer(spec, ref)
    return node


def walk(node, where=""):
    """Yields (location, dict) for every mapping in the document."""
    if isinstance(node, dict):
        yield where, node
        for key, value in node.items():
            yield from walk(value, where + "/" + str(key).replace("~", "~0").replace("/", "~1"))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from walk(value, where + "/" + str(index))


def operations(spec):
    """Yields (METHOD, path template, path item, operation)."""
    for template, item in (spec.get("paths") or {}).items():
        if not isinstance(item, dict):
            continue
        for method in METHODS:
            if isinstance(item.get(method), dict):
                yield method.upper(), template, item, item[method]


def parameters_of(spec, item, operation):
    """Effective parameters of an operation (operation's override the path item's)."""
    merged = OrderedDict()
    for source in (item.get("parameters") or [], operation.get("parameters") or []):
        for parameter in source:
            parameter = deref(spec, parameter)
            merged[(parameter.get("in"), str(parameter.get("name")).lower())] = parameter
    return list(merged.values())


def effective_security(spec, operation):
    return operation.get("security", spec.get("security", []))


# ---------------------------------------------------------------------------------------
# (c) The spec itself


def self_check(spec):
    failures = []
    if not str(spec.get("openapi", "")).startswith("3.1"):
        failures.append("openapi: expected 3.1.x, found %r" % spec.get("openapi"))

    for where, node in walk(spec):
        ref = node.get("$ref")
        if ref is None:
            continue
        try:
            resolve_pointer(spec, ref)
        except KeyError:
            failures.append("%s: $ref %r does not resolve" % (where or "/", ref))

    for where, node in walk(spec):
        kind = node.get("type")
        if "type" in node and not where.endswith("/properties") and not (isinstance(kind, str) or (
                isinstance(kind, list) and kind and all(isinstance(k, str) for k in kind))):
            # A YAML null or yes where a type name was meant.
            failures.append("%s: type %r is not a type name (quote 'null' in YAML)" % (where, kind))

    schemas = (spec.get("components") or {}).get("schemas") or {}
    for name, schema in schemas.items():
        try:
            Draft202012Validator.check_schema(schema)
        except Exception as error:  # jsonschema.SchemaError
            failures.append("components/schemas/%s: not a valid schema: %s" % (name, shorten(error)))
        if name.endswith("Request") and isinstance(schema, dict) and schema.get("type") == "object" \
                and schema.get("additionalProperties") is not False:
            failures.append("components/schemas/%s: request objects need additionalProperties: false "
                            "(the server rejects unknown fields)" % name)

    seen_ids = defaultdict(list)
    for method, template, item, operation in operations(spec):
        label = "%s %s" % (method, template)
        operation_id = operation.get("operationId")
        if not operation_id:
            failures.append("%s: no operationId" % label)
        else:
            seen_ids[operation_id].append(label)
        for field in ("summary", "description", "tags"):
            if field == "description" and operation.get("summary"):
                continue
            if not operation.get(field):
                failures.append("%s: no %s" % (label, field))
        responses = operation.get("responses") or {}
        if not responses:
            failures.append("%s: no responses" % label)
        for code in responses:
            if not re.fullmatch(r"[1-5](\d\d|XX)|default", str(code)):
                failures.append("%s: response key %r is not a status code (quote it in YAML)"
                                % (label, code))
        if not any(re.fullmatch(r"2(\d\d|XX)", str(code)) for code in responses):
            failures.append("%s: no 2xx response" % label)
        for code, response in responses.items():
            try:
                response = deref(spec, response)
            except KeyError:
                continue  # reported above
            if not isinstance(response, dict) or "description" not in response:
                failures.append("%s %s: response has no description" % (label, code))
                continue
            for media, content in (response.get("content") or {}).items():
                schema = content.get("schema") if isinstance(content, dict) else None
                if schema is None:
                    continue
                try:
                    Draft202012Validator.check_schema(schema)
                except Exception as error:
                    failures.append("%s %s %s: not a valid schema: %s"
                                    % (label, code, media, shorten(error)))

        try:
            parameters = parameters_of(spec, item, operation)
        except KeyError as error:
            failures.append("%s: parameter reference does not resolve: %s" % (label, error))
            continue
        in_template = re.findall(r"\{([^}/]+)\}", template)
        declared = [p.get("name") for p in parameters if p.get("in") == "path"]
        for name in in_template:
            if name not in declared:
                failures.append("%s: path parameter {%s} is not declared" % (label, name))
        for parameter in parameters:
            if parameter.get("in") != "path":
                continue
            if parameter.get("name") not in in_template:
                failures.append("%s: path parameter %r is not in the template"
                                % (label, parameter.get("name")))
            if parameter.get("required") is not True:
                failures.append("%s: path parameter %r must be required"
                                % (label, parameter.get("name")))
        for tag in operation.get("tags") or []:
            if tag not in {t.get("name") for t in spec.get("tags") or []}:
                failures.append("%s: tag %r is not declared under tags" % (label, tag))

    for operation_id, labels in seen_ids.items():
        if len(labels) > 1:
            failures.append("operationId %r is used by %s" % (operation_id, ", ".join(labels)))
    return failures


# ---------------------------------------------------------------------------------------
# (a) Routes


def server_routes(binary):
    try:
        result = subprocess.run([binary, "routes"], capture_output=True, text=True, timeout=30)
    except OSError as error:
        raise SystemExit("check_openapi: cannot run %s: %s" % (binary, error))
    if result.returncode != 0:
        raise SystemExit("check_openapi: `%s routes` failed (exit %d): %s"
                         % (binary, result.returncode, result.stderr.strip()))
    try:
        routes = json.loads(result.stdout)
    except ValueError as error:
        raise SystemExit("check_openapi: `%s routes` did not print JSON: %s" % (binary, error))
    if isinstance(routes, dict):
        routes = routes.get("routes", [])
    return routes


def check_routes(spec, routes):
    failures = []
    server = {}
    for route in routes:
        server[(str(route["method"]).upper(), route["path"])] = route
    documented = {}
    for method, template, item, operation in operations(spec):
        documented[(method, template)] = (item, operation)

    missing = sorted(set(server) - set(documented), key=lambda k: (k[1], k[0]))
    extra = sorted(set(documented) - set(server), key=lambda k: (k[1], k[0]))
    for method, path in missing:
        failures.append("route not in the spec: %s %s" % (method, path))
    for method, path in extra:
        failures.append("spec operation the server does not have: %s %s" % (method, path))

    for key in sorted(set(server) & set(documented), key=lambda k: (k[1], k[0])):
        route = server[key]
        item, operation = documented[key]
        label = "%s %s" % key
        secured = bool(effective_security(spec, operation))
        if "needs_session" in route and bool(route["needs_session"]) != secured:
            failures.append("%s: the server %s a session but the spec says security %s"
                            % (label, "needs" if route["needs_session"] else "does not need",
                               "cookieAuth" if secured else "[]"))
        has_csrf = any(p.get("in") == "header" and str(p.get("name")).lower() == CSRF_HEADER
                       and p.get("required") for p in parameters_of(spec, item, operation))
        needs_csrf = bool(route.get("changes_state")) and bool(route.get("needs_session"))
        if needs_csrf != has_csrf:
            failures.append("%s: the server %s the X-CSRF-Token header but the spec %s it"
                            % (label, "requires" if needs_csrf else "does not require",
                               "requires" if has_csrf else "does not document"))
    return failures, len(server), len(documented)


# ---------------------------------------------------------------------------------------
# (b) Responses


def split_path(path):
    if not path.startswith("/"):
        return None
    return path[1:].split("/")


def is_parameter(segment):
    return len(segment) > 2 and segment.startswith("{") and segment.endswith("}")


class Matcher:
    """Matches concrete paths to templates as the server's router does: same number of
    segments, literal segments equal, "{name}" any non-empty segment, and the template
    with literal segments earliest wins."""

    def __init__(self, spec):
        self.templates = []
        for template, item in (spec.get("paths") or {}).items():
            methods = {m.upper() for m in METHODS if isinstance(item.get(m), dict)}
            self.templates.append((template, split_path(template), methods))

    def match(self, path, method):
        """(template for this method or None, whether any template matched the path)."""
        segments = split_path(path)
        if segments is None:
            return None, False
        best, best_specificity, any_match = None, None, False
        for template, pattern, methods in self.templates:
            if len(pattern) != len(segments):
                continue
            specificity = []
            for want, have in zip(pattern, segments):
                if is_parameter(want):
                    if not have:
                        break
                    specificity.append(False)
                elif want != have:
                    break
                else:
                    specificity.append(True)
            else:
                any_match = True
                if method in methods and (best is None or specificity > best_specificity):
                    best, best_specificity = template, specificity
        return best, any_match


def media_type(content_type):
    return (content_type or "").split(";")[0].strip().lower()


def is_json(media):
    return media == "application/json" or media.endswith("+json")


class Validators:
    def __init__(self, spec):
        self.components = spec.get("components") or {}
        self.cache = {}
        self.results = {}

    def errors(self, schema, instance):
        key = id(schema)
        validator = self.cache.get(key)
        if validator is None:
            # "#/components/…" in the schema resolves against this wrapper's root.
            wrapper = {"$schema": "https://json-schema.org/draft/2020-12/schema",
                       "allOf": [schema], "components": self.components}
            validator = self.cache[key] = (Draft202012Validator(wrapper), schema)
        return sorted(validator[0].iter_errors(instance),
                      key=lambda e: (len(list(e.absolute_path)), list(map(str, e.absolute_path))))

    def problems(self, schema, body, instance):
        """Schema errors as messages; identical bodies (the same plan fetched by many
        tests) are validated once."""
        key = (id(schema), body)
        found = self.results.get(key)
        if found is None:
            errors = self.errors(schema, instance)
            found = [describe_error(error) for error in errors[:5]]
            if len(errors) > 5:
                found.append("… and %d more schema errors" % (len(errors) - 5))
            self.results[key] = found
        return list(found)


def find_content(content, media):
    lowered = {media_type(k): v for k, v in content.items()}
    if media in lowered:
        return lowered[media]
    major = media.split("/")[0] + "/*"
    if major in lowered:
        return lowered[major]
    return lowered.get("*/*")


def describe_error(error):
    where = "".join("[%s]" % json.dumps(p, ensure_ascii=False) if isinstance(p, str) else "[%d]" % p
                    for p in error.absolute_path)
    return "at body%s: %s" % (where, shorten(error.message, 300))


def check_response(spec, validators, entry, response, head):
    """Problems of one logged response against one documented response object."""
    problems = []
    status = entry["status"]
    body = entry.get("body") or ""
    media = media_type(entry.get("content_type"))
    content = response.get("content") or {}
    if not content:
        if body and not head:
            problems.append("documented without a body, but the response has %d bytes (%s)"
                            % (len(body), media or "no content type"))
        return problems
    if head or (not body and status == 204):
        return problems
    documented = find_content(content, media)
    if documented is None:
        problems.append("content type %r is not documented for %s (documented: %s)"
                        % (entry.get("content_type"), status, ", ".join(content)))
        return problems
    if not is_json(media):
        return problems
    try:
        instance = json.loads(body)
    except ValueError as error:
        problems.append("the body is not valid JSON (%s)" % error)
        return problems
    schema = documented.get("schema") if isinstance(documented, dict) else None
    if schema is None:
        return problems
    return problems + validators.problems(schema, body, instance)


def read_log(path):
    entries, failures = [], []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            line = line.strip()
            if not line:
                continue
            try:
                entry = json.loads(line)
                if not isinstance(entry, dict):
                    raise ValueError("not an object")
                entry["method"] = str(entry["method"]).upper()
                entry["path"] = str(entry["path"]).split("?", 1)[0]
                entry["status"] = int(entry["status"])
            except (ValueError, KeyError, TypeError) as error:
                failures.append("%s:%d: not a log entry (%s)" % (path, number, error))
                continue
            entries.append(entry)
    return entries, failures


def check_log(spec, entries):
    matcher = Matcher(spec)
    validators = Validators(spec)
    components = (spec.get("components") or {}).get("responses") or {}
    failures = Counter()  # (method, template-or-path, status, message) -> count
    examples = {}
    covered = defaultdict(Counter)  # (METHOD, template) -> statuses
    checked = skipped = unrouted = 0

    def fail(entry, where, message):
        key = (entry["method"], where, entry["status"], message)
        failures[key] += 1
        examples.setdefault(key, entry["path"])

    for entry in entries:
        method = entry["method"]
        head = method == "HEAD"
        lookup = "GET" if head else method
        path = entry["path"]
        if path != "/api" and not path.startswith("/api/"):
            skipped += 1  # static files and other non-API paths
            continue
        checked += 1
        template, path_matched = matcher.match(path, lookup)
        status = entry["status"]
        if template is None:
            unrouted += 1
            allowed = {400, 404, 413, 500} if not path_matched else {400, 405, 413, 500}
            if status not in allowed:
                fail(entry, path, "no operation %s %s in the spec answers this path, and %d is not "
                                  "one of the router's own answers (%s)"
                     % (lookup, path, status, ", ".join(map(str, sorted(allowed)))))
                continue
            response = deref(spec, components.get(ROUTER_RESPONSES[status], {}))
            for problem in check_response(spec, validators, entry, response, head):
                fail(entry, path, problem)
            continue
        operation = spec["paths"][template][lookup.lower()]
        covered[(lookup, template)][status] += 1
        responses = operation.get("responses") or {}
        response = None
        for key in (str(status), "%dXX" % (status // 100), "default"):
            if key in responses:
                response = deref(spec, responses[key])
                break
        if response is None:
            fail(entry, template, "status %d is not documented (documented: %s)"
                 % (status, ", ".join(map(str, responses))))
            continue
        for problem in check_response(spec, validators, entry, response, head):
            fail(entry, template, problem)
    return failures, examples, covered, checked, skipped, unrouted


# ---------------------------------------------------------------------------------------


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--spec", default=DEFAULT_SPEC, help="the OpenAPI document (default %(default)s)")
    parser.add_argument("--binary", help="the planscore binary: compare its `routes` with the spec")
    parser.add_argument("--log", help="a JSON-lines response log to validate against the spec")
    parser.add_argument("--verbose", "-v", action="store_true",
                        help="also list the statuses seen per operation")
    parser.add_argument("binary_arg", nargs="?", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    binary = args.binary or args.binary_arg

    try:
        spec = load_spec(args.spec)
    except (OSError, yaml.YAMLError) as error:
        print("check_openapi: cannot read %s: %s" % (args.spec, error), file=sys.stderr)
        return 2
    if not isinstance(spec, dict):
        print("check_openapi: %s is not an OpenAPI document" % args.spec, file=sys.stderr)
        return 2

    failed = False
    operation_count = sum(1 for _ in operations(spec))

    problems = self_check(spec)
    if problems:
        failed = True
        print("FAIL spec %s: %d problem(s)" % (args.spec, len(problems)))
        for problem in problems:
            print("  " + problem)
    else:
        print("ok   spec: %d paths, %d operations, every $ref resolves, operationIds unique"
              % (len(spec.get("paths") or {}), operation_count))

    if binary:
        routes = server_routes(binary)
        problems, route_count, documented = check_routes(spec, routes)
        if problems:
            failed = True
            print("FAIL routes: %d server routes, %d spec operations, %d difference(s)"
                  % (route_count, documented, len(problems)))
            for problem in problems:
                print("  " + problem)
        else:
            print("ok   routes: the %d server routes and the spec's %d operations agree "
                  "(methods, paths, session and CSRF requirements)" % (route_count, documented))

    if args.log:
        try:
            entries, problems = read_log(args.log)
        except OSError as error:
            print("FAIL responses: cannot read the log %s: %s" % (args.log, error))
            return 1
        failures, examples, covered, checked, skipped, unrouted = check_log(spec, entries)
        for problem in problems:
            print("FAIL " + problem)
        failed = failed or bool(problems)
        failure_count = sum(failures.values())
        if failures:
            failed = True
            print("FAIL responses: %d of %d logged API responses do not match the spec"
                  % (failure_count, checked))
            for (method, where, status, message), count in sorted(
                    failures.items(), key=lambda item: (item[0][1], item[0][0], item[0][2])):
                example = examples[(method, where, status, message)]
                shown = where if where == example else "%s (%s)" % (where, example)
                print("  %s %s -> %d: %s%s" % (method, shown, status, message,
                                               "  [x%d]" % count if count > 1 else ""))
        elif checked == 0:
            failed = True
            print("FAIL responses: the log %s holds no API responses (is the api tests' logging on?)"
                  % args.log)
        else:
            print("ok   responses: %d logged API responses match the spec" % checked)
        print("     covered %d of %d operations with %d responses (%d with no route: 404/405/400/413;"
              " %d non-API entries skipped)"
              % (len(covered), operation_count, checked - unrouted, unrouted, skipped))
        uncovered = [(method, template) for method, template, _, _ in operations(spec)
                     if (method, template) not in covered]
        if uncovered:
            print("     operations with no logged response (informational):")
            for method, template in uncovered:
                print("       %s %s" % (method, template))
        if args.verbose:
            print("     statuses seen per operation:")
            for method, template, _, operation in operations(spec):
                seen = covered.get((method, template))
                if seen:
                    documented = [str(c) for c in operation.get("responses", {})]
                    print("       %-7s %-50s seen %s; documented %s"
                          % (method, template, ",".join("%d×%d" % (s, n) for s, n in sorted(seen.items())),
                             ",".join(documented)))

    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
