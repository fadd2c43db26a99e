"""The code's shape, as the redesign issue (#28) measures it: modules over 500 lines,
functions over 60 lines, and private names (`_x`) imported from another module. Within a
stage's package (pipeline/clean/, structure/, consolidate/ ...) its submodules share private
helpers: those imports are the package's own business and are counted apart, not as leaks.

    python bench/shape.py [--max-module 500] [--max-function 60]
"""
from __future__ import annotations

import argparse
import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "pipeline"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--max-module", type=int, default=500)
    ap.add_argument("--max-function", type=int, default=60)
    args = ap.parse_args()
    modules, functions, privates, shared = [], [], [], 0
    for path in sorted(ROOT.rglob("*.py")):
        name = path.relative_to(ROOT.parent).as_posix()
        text = path.read_text("utf-8")
        lines = text.count("\n")
        if lines > args.max_module:
            modules.append((lines, name))
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                n = node.end_lineno - node.lineno + 1
                if n > args.max_function:
                    functions.append((n, f"{name}:{node.lineno} {node.name}"))
            elif isinstance(node, ast.ImportFrom) and node.level and node.module:
                names = [a.name for a in node.names if a.name.startswith("_") and not a.name.startswith("__")]
                if node.level == 1 and path.parent != ROOT:  # a sibling in the same package
                    shared += len(names)
                    continue
                privates += [f"{name}: from {'.' * node.level}{node.module} import {n}" for n in names]
    total = sum(p.read_text("utf-8").count("\n") for p in ROOT.rglob("*.py"))
    print(f"{len(list(ROOT.rglob('*.py')))} modules, {total} lines")
    print(f"modules over {args.max_module} lines: {len(modules)}")
    for n, name in sorted(modules, reverse=True):
        print(f"  {n:5} {name}")
    print(f"functions over {args.max_function} lines: {len(functions)}")
    for n, name in sorted(functions, reverse=True):
        print(f"  {n:5} {name}")
    print(f"private names imported across modules: {len(privates)}"
          f" (and {shared} shared between modules of one package)")
    for line in privates:
        print(f"  {line}")


if __name__ == "__main__":
    main()
