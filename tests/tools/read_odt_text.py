#!/usr/bin/python3
"""Prints every heading, paragraph and table cell of an ODT, one per line, as odfpy
(Debian's python3-odf) reads it: the independent check of what planscore wrote."""
import sys

from odf import teletype
from odf.opendocument import load
from odf.text import H, P


def main():
    document = load(sys.argv[1])
    for element in document.text.getElementsByType(H) + document.text.getElementsByType(P):
        print(teletype.extractText(element))


if __name__ == "__main__":
    main()
