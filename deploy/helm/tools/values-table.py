#!/usr/bin/env python3
"""Prints the parameter table of deploy/helm/devshare/values.yaml as Markdown (for README.md).

A key preceded by a "# --" comment is one row (its whole value is the default); other maps are descended into.
Keys of the five service blocks with the same default everywhere become one "<component>.…" row; the others are
listed per service. The console's block (no database, its own client and service URLs) has a table of its own.
ReadmeTest checks that the README's table covers every value with its default.
Usage: python3 deploy/helm/tools/values-table.py   (needs PyYAML)
"""
import json
import re
import sys
from pathlib import Path

import yaml

VALUES = Path(__file__).resolve().parent.parent / "devshare" / "values.yaml"
COMPONENTS = {
    "partnerService": "partner-service",
    "sharingService": "sharing-service",
    "deviceService": "device-service",
    "projectService": "project-service",
    "notificationService": "notification-service",
}
CONSOLE = "console"


def comments(text):
    """Dotted key path -> description, from the "# --" comment blocks right above a key."""
    result, stack, pending = {}, [], None
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("# --"):
            pending = [stripped[4:].strip()]
            continue
        if stripped.startswith("#"):
            if pending is not None:
                pending.append(stripped[1:].strip())
            continue
        match = re.match(r"^(\s*)([A-Za-z0-9_]+):", line)
        if not match:
            continue
        indent = len(match.group(1))
        stack = [(i, k) for i, k in stack if i < indent] + [(indent, match.group(2))]
        if pending is not None:
            result[".".join(k for _, k in stack)] = " ".join(pending)
            pending = None
    return result


def cell(doc):
    """Markdown-safe description: <placeholders> in code spans (else they read as HTML), no bare pipes."""
    return re.sub(r"[\w-]*<[a-z]+>(?:[\w<>-]|\.(?=\w))*", lambda m: "`" + m.group(0) + "`", doc.replace("|", "/"))


def rows(values, docs):
    out = []

    def walk(path, node):
        if path in docs or not isinstance(node, dict) or not node:
            out.append((path, node, docs.get(path, "")))
            return
        for key, child in node.items():
            walk(f"{path}.{key}" if path else key, child)

    walk("", values)
    return out


def main():
    text = VALUES.read_text()
    values = yaml.safe_load(text)
    all_rows = rows(values, comments(text))
    by_path = {p: (d, t) for p, d, t in all_rows}
    general, emitted = [], set()
    first = next(iter(COMPONENTS))
    for path, default, doc in all_rows:
        key = path.split(".")[0]
        if key != first:
            continue
        suffix = path[len(key):]
        others = [by_path.get(k + suffix) for k in COMPONENTS]
        if all(o is not None and o[0] == default for o in others):
            general.append((f"<component>{suffix}", default, doc.replace(COMPONENTS[key], "this service")))
            emitted.update(k + suffix for k in COMPONENTS)
    print("| Parameter | Default | Description |")
    print("|---|---|---|")
    for path, default, doc in all_rows:
        if path.split(".")[0] in COMPONENTS or path.split(".")[0] == CONSOLE:
            continue
        print(f"| `{path}` | `{json.dumps(default)}` | {cell(doc)} |")
    print()
    print("Every service block (`<component>` = `partnerService`, `sharingService`, `deviceService`, "
          "`projectService`, `notificationService`) has these keys with these defaults:")
    print()
    print("| Parameter | Default | Description |")
    print("|---|---|---|")
    for path, default, doc in general:
        print(f"| `{path}` | `{json.dumps(default)}` | {cell(doc)} |")
    print()
    print("Defaults that differ per service, and device- and project-service's data volumes:")
    print()
    print("| Parameter | Default | Description |")
    print("|---|---|---|")
    for path, default, doc in all_rows:
        if path.split(".")[0] in COMPONENTS and path not in emitted:
            print(f"| `{path}` | `{json.dumps(default)}` | {cell(doc)} |")
    print()
    print("The console (`console`): the services' block without database and volume, plus its Keycloak client, "
          "CSRF key and the services' URLs:")
    print()
    print("| Parameter | Default | Description |")
    print("|---|---|---|")
    for path, default, doc in all_rows:
        if path.split(".")[0] == CONSOLE:
            print(f"| `{path}` | `{json.dumps(default)}` | {cell(doc)} |")
    missing = [p for p, _, d in all_rows if not d]
    if missing:
        print("undocumented values (add a '# --' comment):", ", ".join(missing), file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
