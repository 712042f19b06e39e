#!/usr/bin/python3
"""Validates a JSON file against a JSON Schema (draft-04 to 2020-12).

Usage: validate.py SCHEMA JSON_FILE

Exit status: 0 valid, 1 invalid (each error printed with its JSON path),
2 usage error, unreadable file, or the jsonschema package is missing.
"""
import json
import sys


def main(argv):
    if len(argv) != 3:
        print("usage: validate.py SCHEMA JSON_FILE", file=sys.stderr)
        return 2
    try:
        import jsonschema
    except ImportError:
        print("validate.py: the jsonschema package is not installed "
              "(Debian: python3-jsonschema)", file=sys.stderr)
        return 2
    try:
        with open(argv[1], encoding="utf-8") as f:
            schema = json.load(f)
        with open(argv[2], encoding="utf-8") as f:
            instance = json.load(f)
    except (OSError, ValueError) as e:
        print("validate.py: %s" % e, file=sys.stderr)
        return 2
    cls = jsonschema.validators.validator_for(schema)
    try:
        cls.check_schema(schema)
    except jsonschema.exceptions.SchemaError as e:
        print("validate.py: %s: invalid schema: %s" % (argv[1], e.message), file=sys.stderr)
        return 2
    validator = cls(schema, format_checker=jsonschema.FormatChecker())
    errors = sorted(validator.iter_errors(instance), key=lambda e: list(map(str, e.path)))
    for e in errors:
        path = "".join("[%d]" % p if isinstance(p, int) else ".%s" % p for p in e.path)
        print("%s: $%s: %s" % (argv[2], path, e.message))
    if errors:
        return 1
    print("%s: valid against %s" % (argv[2], schema.get("title", argv[1])))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
