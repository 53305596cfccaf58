#!/usr/bin/env python3
"""Generates a git repository with a long, deterministic history.

usage: gen-history.py DIR [--commits N] [--files F] [--authors A] [--seed S] [--repack]

For the history benchmark (scripts/bench history): N commits (default
50,000) on one branch, written through `git fast-import`, so that even
100,000 commits take seconds. Every commit changes one to three files picked
with a skewed (Zipf-like) distribution, so that some files are hot and most
are quiet; a few commits add files, rename one (an exact rename), or delete
one. Edits replace, insert and delete lines; some inserted lines are marker
comments (TODO, FIXME, ...), so markers have different ages and authors.
Author and committer dates advance by 10 minutes to 2 hours per commit from
2015-01-01. The same arguments always give the same commit ids.

fast-import deltas each blob only against the blob written before it, so
its pack is several times larger than git would make it; --repack runs
`git repack -a -d -f` (git gc's delta settings) for a pack like a real
repository's, which takes minutes.
"""
import argparse
import os
import random
import subprocess
import sys

TAGS = ["TODO", "FIXME", "HACK", "XXX", "BUG", "OPTIMIZE"]
WORDS = ("parse buffer index cache socket retry handler config token stream value "
         "request response module thread queue packet record offset length").split()
LINE_COMMENT = {".c": "//", ".go": "//", ".rs": "//", ".java": "//", ".js": "//", ".py": "#"}
START_TIME = 1420070400  # 2015-01-01T00:00:00Z


def sentence(rng, n=6):
    return " ".join(rng.choice(WORDS) for _ in range(n))


def code_line(rng, ext):
    if rng.random() < 0.03:
        return f"{LINE_COMMENT[ext]} {rng.choice(TAGS)}: {sentence(rng)}"
    if rng.random() < 0.1:
        return f"{LINE_COMMENT[ext]} {sentence(rng, 8)}"
    indent = "    " * rng.randint(0, 3)
    if rng.random() < 0.15:
        return f"{indent}if (value_{rng.randint(0, 99)} > {rng.randint(0, 999)}) {{"
    return f"{indent}value_{rng.randint(0, 99)} = compute({rng.randint(0, 9999)});"


class Tree:
    """The files of the branch head: path -> list of lines."""

    def __init__(self, rng):
        self.rng = rng
        self.files = {}
        self.paths = []  # stable order for weighted picks
        self.serial = 0

    def new_path(self):
        self.serial += 1
        ext = self.rng.choice(sorted(LINE_COMMENT))
        return f"src/mod{self.serial % 40:02d}/part{self.serial // 40 % 8}/file{self.serial:05d}{ext}"

    def add(self, path):
        ext = os.path.splitext(path)[1]
        self.files[path] = [code_line(self.rng, ext) for _ in range(self.rng.randint(30, 150))]
        self.paths.append(path)

    def pick(self):
        # Zipf-like: index i is picked with weight 1 / (i + 1).
        n = len(self.paths)
        while True:
            i = int(n ** self.rng.random()) - 1
            if 0 <= i < n:
                return self.paths[i]

    def edit(self, path):
        lines = self.files[path]
        ext = os.path.splitext(path)[1]
        for _ in range(self.rng.randint(1, 4)):
            r = self.rng.random()
            at = self.rng.randrange(len(lines) + 1)
            if r < 0.4 or len(lines) < 20:
                lines.insert(at, code_line(self.rng, ext))
            elif r < 0.75 and at < len(lines):
                lines[at] = code_line(self.rng, ext)
            elif at < len(lines):
                del lines[at]

    def rename(self, old):
        new = self.new_path()
        new = os.path.splitext(new)[0] + os.path.splitext(old)[1]
        self.files[new] = self.files.pop(old)
        self.paths[self.paths.index(old)] = new
        return new

    def delete(self, path):
        del self.files[path]
        self.paths.remove(path)


def data(text):
    raw = text.encode()
    return b"data %d\n%s\n" % (len(raw), raw)


def generate(out, commits, files, authors, seed):
    rng = random.Random(seed)
    tree = Tree(rng)
    people = [(f"Developer {i:02d}", f"dev{i:02d}@example.com") for i in range(authors)]
    when = START_TIME
    for n in range(commits):
        changes = []  # fast-import file commands
        if n == 0:
            for _ in range(files):
                path = tree.new_path()
                tree.add(path)
                changes.append((b"M", path))
        else:
            r = rng.random()
            if r < 0.005:
                path = tree.new_path()
                tree.add(path)
                changes.append((b"M", path))
            elif r < 0.006 and len(tree.paths) > 10:
                old = tree.pick()
                changes.append((b"R", old, tree.rename(old)))
            elif r < 0.0065 and len(tree.paths) > 10:
                path = tree.pick()
                tree.delete(path)
                changes.append((b"D", path))
            else:
                for path in {tree.pick() for _ in range(rng.randint(1, 3))}:
                    tree.edit(path)
                    changes.append((b"M", path))
        when += rng.randint(600, 7200)
        name, email = people[min(int(rng.expovariate(0.15)), authors - 1)]
        ident = f"{name} <{email}> {when} +0000".encode()
        out.write(b"commit refs/heads/main\n")
        out.write(b"author " + ident + b"\ncommitter " + ident + b"\n")
        out.write(data(f"change {n}: {sentence(rng, 4)}"))
        for change in changes:
            if change[0] == b"M":
                out.write(b"M 100644 inline " + change[1].encode() + b"\n")
                out.write(data("\n".join(tree.files[change[1]]) + "\n"))
            elif change[0] == b"R":
                out.write(b"R " + change[1].encode() + b" " + change[2].encode() + b"\n")
            else:
                out.write(b"D " + change[1].encode() + b"\n")
        out.write(b"\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--commits", type=int, default=50000)
    ap.add_argument("--files", type=int, default=2000)
    ap.add_argument("--authors", type=int, default=40)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--repack", action="store_true")
    args = ap.parse_args()
    os.makedirs(args.dir, exist_ok=True)
    env = dict(os.environ, GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL="/dev/null")
    subprocess.run(["git", "init", "-q", "-b", "main", args.dir], check=True, env=env)
    importer = subprocess.Popen(["git", "-C", args.dir, "fast-import", "--quiet"], stdin=subprocess.PIPE, env=env)
    generate(importer.stdin, args.commits, args.files, args.authors, args.seed)
    importer.stdin.close()
    if importer.wait() != 0:
        sys.exit("git fast-import failed")
    subprocess.run(["git", "-C", args.dir, "checkout", "-q", "-f", "main"], check=True, env=env)
    if args.repack:
        subprocess.run(["git", "-C", args.dir, "repack", "-q", "-a", "-d", "-f", "--window=10", "--depth=50"],
                       check=True, env=env)


if __name__ == "__main__":
    main()
