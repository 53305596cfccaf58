#!/usr/bin/env python3
"""Generates a deterministic source tree for benchmarks and demos.

usage: gen-repo.py DIR [--files N] [--seed S] [--git]

The tree mixes languages, comment styles, string literals that contain tag
words (which must not be reported), and markers at a fixed rate, so that two
runs with the same arguments produce byte-identical trees.
"""
import argparse
import os
import random
import subprocess

TAGS = ["TODO", "FIXME", "HACK", "XXX", "BUG", "DEPRECATED", "OPTIMIZE"]
WORDS = ("parse buffer index cache socket retry handler config token stream value "
         "request response module thread queue packet record offset length").split()

LANGS = {
    ".c": ("//", "/*", "*/", '"'),
    ".cpp": ("//", "/*", "*/", '"'),
    ".go": ("//", "/*", "*/", '"'),
    ".rs": ("//", "/*", "*/", '"'),
    ".java": ("//", "/*", "*/", '"'),
    ".ts": ("//", "/*", "*/", "'"),
    ".js": ("//", "/*", "*/", '"'),
    ".py": ("#", None, None, '"'),
    ".rb": ("#", None, None, '"'),
    ".sh": ("#", None, None, '"'),
    ".sql": ("--", "/*", "*/", "'"),
    ".lua": ("--", None, None, '"'),
}


def sentence(rng, n=6):
    return " ".join(rng.choice(WORDS) for _ in range(n))


def source_file(rng, ext, lines):
    line_c, open_c, close_c, quote = LANGS[ext]
    out = []
    for i in range(lines):
        r = rng.random()
        if r < 0.004:
            out.append(f"{line_c} {rng.choice(TAGS)}: {sentence(rng)}")
        elif r < 0.006:
            out.append(f"x = {quote}{rng.choice(TAGS)}: not a marker, a string{quote}")
        elif r < 0.10:
            out.append(f"{line_c} {sentence(rng, 9)}")
        elif r < 0.11 and open_c:
            out.append(f"{open_c} {sentence(rng)}")
            out.append(f"   {sentence(rng)} {close_c}")
        else:
            out.append(f"    value_{i} = compute({rng.randint(0, 999)}, {quote}{sentence(rng, 3)}{quote})")
    return "\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--files", type=int, default=20000)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--git", action="store_true", help="make it a git repository with one commit")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    exts = sorted(LANGS)
    for n in range(args.files):
        sub = os.path.join(args.dir, f"pkg{n % 97:02d}", f"mod{n % 13:02d}")
        os.makedirs(sub, exist_ok=True)
        ext = exts[n % len(exts)]
        lines = 40 + rng.randint(0, 400)
        with open(os.path.join(sub, f"file{n:06d}{ext}"), "w") as f:
            f.write(source_file(rng, ext, lines))
    if args.git:
        env = dict(os.environ, GIT_AUTHOR_NAME="bench", GIT_AUTHOR_EMAIL="bench@example.com",
                   GIT_COMMITTER_NAME="bench", GIT_COMMITTER_EMAIL="bench@example.com",
                   GIT_AUTHOR_DATE="2026-01-01T00:00:00Z", GIT_COMMITTER_DATE="2026-01-01T00:00:00Z")
        subprocess.run(["git", "init", "-q", "-b", "main", args.dir], check=True, env=env)
        subprocess.run(["git", "-C", args.dir, "add", "-A"], check=True, env=env)
        subprocess.run(["git", "-C", args.dir, "commit", "-q", "-m", "generated"], check=True, env=env)


if __name__ == "__main__":
    main()
