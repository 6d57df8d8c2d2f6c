#!/usr/bin/env python3
"""Every `canje ...` command that README.md prints names real commands and options.

Reads the README's ```sh blocks, joins continued lines, drops comments, and for each command
line checks against the binary's own `--help` that each word naming a command is one (of the
command before it) and each option is accepted there (the command's own, or a global one).
Arguments (names, files, ids) are not checked: the tour's placeholders such as "..." are
meant to be replaced. Then runs `canje demo` in a fresh folder and runs the command its last
line suggests, exactly as printed.

Usage: readme_commands_test.py CANJE README.md
"""
import os
import re
import shlex
import subprocess
import sys
import tempfile

GLOBAL_WITH_VALUE = {"--db", "--master-key", "--as"}


def help_text(canje, path):
    result = subprocess.run([canje, *path, "--help"], capture_output=True, text=True)
    if result.returncode != 0:
        return None
    return result.stdout


def subcommands(text):
    names, inside = set(), False
    for line in text.splitlines():
        if line.startswith("Subcommands:"):
            inside = True
        elif inside and re.match(r"^  \S", line):
            names.add(line.split()[0])
        elif inside and line and not line.startswith(" "):
            inside = False
    return names


def options(text):
    return set(re.findall(r"(?<![\w-])(--[a-z][a-z0-9-]*)", text))


def commands(readme):
    """The command lines of the sh blocks: (line number, words)."""
    found, in_block, pending, start = [], False, "", 0
    for number, line in enumerate(open(readme, encoding="utf-8"), 1):
        if line.startswith("```"):
            in_block = line.strip() == "```sh"
            continue
        if not in_block:
            continue
        text = line.rstrip("\n")
        if pending:
            text = pending + " " + text.strip()
        else:
            start = number
        if text.endswith("\\"):
            pending = text[:-1]
            continue
        pending = ""
        words = shlex.split(text, comments=True)
        if words and words[0] == "canje":
            found.append((start, words[1:]))
    return found


def check(canje, words):
    """A message for the first word that is not a command or option where it stands."""
    root = help_text(canje, [])
    path, text = [], root
    i = 0
    while i < len(words):
        word = words[i]
        if word.startswith("--"):
            name = word.split("=", 1)[0]
            if name not in options(text) and name not in options(root):
                return "%s is not an option of canje %s" % (name, " ".join(path))
            if name in GLOBAL_WITH_VALUE and "=" not in word:
                i += 1
        elif word in subcommands(text):
            path.append(word)
            text = help_text(canje, path)
            if text is None:
                return "canje %s --help fails" % " ".join(path)
        elif not path:
            return "%s is not a command of canje" % word
        i += 1
    return None


def main():
    canje, readme = sys.argv[1], sys.argv[2]
    passed = failed = 0
    for number, words in commands(readme):
        problem = check(canje, words)
        line = "README.md:%d: canje %s" % (number, " ".join(words))
        if problem:
            print("FAILED: %s: %s" % (line, problem))
            failed += 1
        else:
            print("ok: " + line)
            passed += 1
    if passed < 20:
        print("FAILED: only %d commands found in README.md's sh blocks" % passed)
        failed += 1

    # The demo's last line, run as printed (with the binary's folder on PATH, as `make run` says).
    with tempfile.TemporaryDirectory() as folder:
        environment = dict(os.environ, PATH=os.path.dirname(os.path.abspath(canje)) + os.pathsep +
                           os.environ.get("PATH", ""))
        for name in ("CANJE_DB", "CANJE_USER", "CANJE_MASTER_KEY_FILE"):
            environment.pop(name, None)
        demo = subprocess.run(["canje", "demo", "--db", "demo/canje.db"], cwd=folder,
                              env=environment, capture_output=True, text=True)
        last = demo.stdout.strip().splitlines()[-1] if demo.stdout.strip() else ""
        suggested = last[len("Try: "):] if last.startswith("Try: ") else ""
        tried = subprocess.run(shlex.split(suggested), cwd=folder, env=environment,
                               capture_output=True, text=True) if suggested else None
        if demo.returncode == 0 and tried is not None and tried.returncode == 0 and tried.stdout:
            print("ok: the demo's last line runs as printed: " + suggested)
            passed += 1
        else:
            print("FAILED: the demo's last line %r (demo exit %d%s)" %
                  (last, demo.returncode,
                   "" if tried is None else ", its command's exit %d: %s" %
                   (tried.returncode, tried.stderr.strip())))
            failed += 1
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
