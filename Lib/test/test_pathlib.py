import os
import sys
import tempfile
import unittest
import warnings
import pathlib
from pathlib import (PurePath, PurePosixPath, PureWindowsPath, Path,
                     PosixPath, WindowsPath, UnsupportedOperation)


class PurePosixPathTest(unittest.TestCase):
    P = PurePosixPath

    def test_parse_and_str(self):
        P = self.P
        self.assertEqual(str(P("a/b")), "a/b")
        self.assertEqual(str(P("a//b/./c/")), "a/b/c")
        self.assertEqual(str(P("")), ".")
        self.assertEqual(str(P("a", "b", "c")), "a/b/c")
        self.assertEqual(str(P("a", "/b", "c")), "/b/c")
        self.assertEqual(str(P("//a/b")), "//a/b")
        self.assertEqual(str(P("///a/b")), "/a/b")
        self.assertEqual(str(P("a/../b")), "a/../b")
        self.assertEqual(repr(P("a/b")), "PurePosixPath('a/b')")

    def test_parts(self):
        P = self.P
        self.assertEqual(P("/a/b").parts, ("/", "a", "b"))
        self.assertEqual(P("a/b").parts, ("a", "b"))
        self.assertEqual(P("/").parts, ("/",))
        p = P("/a/b")
        self.assertEqual((p.drive, p.root, p.anchor), ("", "/", "/"))

    def test_join(self):
        P = self.P
        self.assertEqual(P("a") / "b", P("a/b"))
        self.assertEqual("x" / P("y"), P("x/y"))
        self.assertEqual(P("a").joinpath("b", "c"), P("a/b/c"))
        self.assertEqual(P("a") / "/c", P("/c"))
        with self.assertRaises(TypeError):
            P("a") / 1

    def test_name_suffix(self):
        p = self.P("/a/b/c.tar.gz")
        self.assertEqual(p.name, "c.tar.gz")
        self.assertEqual(p.suffix, ".gz")
        self.assertEqual(p.suffixes, [".tar", ".gz"])
        self.assertEqual(p.stem, "c.tar")
        self.assertEqual(self.P(".bashrc").suffix, "")
        self.assertEqual(self.P(".bashrc").stem, ".bashrc")
        self.assertEqual(self.P("a.").suffixes, [])
        self.assertEqual(self.P("/").name, "")

    def test_parents(self):
        P = self.P
        p = P("/a/b/c")
        self.assertEqual(p.parent, P("/a/b"))
        self.assertEqual(list(p.parents), [P("/a/b"), P("/a"), P("/")])
        self.assertEqual(p.parents[0], P("/a/b"))
        self.assertEqual(p.parents[-1], P("/"))
        self.assertEqual(len(p.parents), 3)
        self.assertEqual(P("/").parent, P("/"))
        self.assertEqual(P("a").parent, P("."))
        with self.assertRaises(IndexError):
            p.parents[3]

    def test_with(self):
        P = self.P
        p = P("/a/b.txt")
        self.assertEqual(p.with_name("c.py"), P("/a/c.py"))
        self.assertEqual(p.with_stem("z"), P("/a/z.txt"))
        self.assertEqual(p.with_suffix(".md"), P("/a/b.md"))
        self.assertEqual(p.with_suffix(""), P("/a/b"))
        self.assertRaises(ValueError, p.with_suffix, "md")
        self.assertRaises(ValueError, p.with_name, "")
        self.assertRaises(ValueError, p.with_name, "x/y")
        self.assertRaises(ValueError, P("/").with_name, "x")
        q = p.with_segments("x", "y")
        self.assertIs(type(q), P)
        self.assertEqual(q, P("x/y"))

    def test_relative_to(self):
        P = self.P
        p = P("/a/b/c")
        self.assertEqual(p.relative_to("/a"), P("b/c"))
        self.assertEqual(p.relative_to(P("/a/b/c")), P("."))
        self.assertRaises(ValueError, p.relative_to, "/x")
        self.assertEqual(p.relative_to("/a/x", walk_up=True), P("../b/c"))
        self.assertRaises(ValueError, p.relative_to, "x", walk_up=True)
        self.assertTrue(p.is_relative_to("/a"))
        self.assertFalse(p.is_relative_to("/x"))

    def test_absolute_reserved(self):
        self.assertTrue(self.P("/a").is_absolute())
        self.assertFalse(self.P("a").is_absolute())
        with self.assertWarns(DeprecationWarning):
            self.assertFalse(self.P("/dev/null").is_reserved())

    def test_compare_hash(self):
        P = self.P
        self.assertEqual(P("a/b"), P("a", "b"))
        self.assertNotEqual(P("a/b"), P("A/B"))
        self.assertEqual(hash(P("a/b")), hash(P("a//b")))
        self.assertLess(P("a/b"), P("a/c"))
        self.assertLess(P("a/b"), P("a/b/c"))
        self.assertNotEqual(P("a"), PureWindowsPath("a"))
        self.assertNotEqual(P("a"), "a")
        with self.assertRaises(TypeError):
            P("a") < PureWindowsPath("a")

    def test_match(self):
        P = self.P
        self.assertTrue(P("a/b.py").match("*.py"))
        self.assertTrue(P("/a/b/c.py").match("b/*.py"))
        self.assertFalse(P("/a/b/c.py").match("a/*.py"))
        self.assertTrue(P("/a.py").match("/*.py"))
        self.assertFalse(P("a/b.py").match("/*.py"))
        self.assertTrue(P("A.PY").match("*.py", case_sensitive=False))
        self.assertRaises(ValueError, P("a").match, "")

    def test_full_match(self):
        P = self.P
        self.assertTrue(P("a/b.py").full_match("a/*.py"))
        self.assertFalse(P("x/a/b.py").full_match("a/*.py"))
        self.assertTrue(P("a/b/c/d.py").full_match("a/**/*.py"))
        self.assertTrue(P("a/d.py").full_match("a/**/*.py"))
        self.assertTrue(P("a/b/c").full_match("**"))

    def test_uri(self):
        P = self.P
        self.assertEqual(P("/a/b c").as_uri(), "file:///a/b%20c")
        self.assertRaises(ValueError, P("a").as_uri)
        self.assertFalse(hasattr(P, "from_uri"))
        self.assertEqual(Path.from_uri("file:///a/b%20c"), Path("/a/b c"))
        self.assertEqual(Path.from_uri("file://localhost/a/b"), Path("/a/b"))
        self.assertRaises(ValueError, Path.from_uri, "http://x")
        self.assertRaises(ValueError, Path.from_uri, "file:a")

    def test_fspath(self):
        self.assertEqual(os.fspath(self.P("a/b")), "a/b")
        self.assertEqual(bytes(self.P("a/b")), b"a/b")
        self.assertEqual(self.P("a/b").as_posix(), "a/b")

    def test_purepath_dispatch(self):
        if os.name != "nt":
            self.assertIs(type(PurePath("a")), PurePosixPath)


class PureWindowsPathTest(unittest.TestCase):
    P = PureWindowsPath

    def test_parse(self):
        P = self.P
        p = P("c:/Users/x/f.txt")
        self.assertEqual(str(p), "c:\\Users\\x\\f.txt")
        self.assertEqual(p.drive, "c:")
        self.assertEqual(p.root, "\\")
        self.assertEqual(p.anchor, "c:\\")
        self.assertEqual(p.parts, ("c:\\", "Users", "x", "f.txt"))
        self.assertEqual(repr(p), "PureWindowsPath('c:/Users/x/f.txt')")
        self.assertEqual(p.as_posix(), "c:/Users/x/f.txt")

    def test_unc(self):
        p = self.P("//server/share/dir/f")
        self.assertEqual(p.drive, "\\\\server\\share")
        self.assertEqual(p.root, "\\")
        self.assertEqual(p.parts, ("\\\\server\\share\\", "dir", "f"))

    def test_drive_relative(self):
        P = self.P
        p = P("c:a/b")
        self.assertEqual((p.drive, p.root), ("c:", ""))
        self.assertFalse(p.is_absolute())
        self.assertFalse(P("/a").is_absolute())
        self.assertTrue(P("c:/a").is_absolute())
        self.assertEqual(P("c:/a", "d:b"), P("d:b"))
        self.assertEqual(P("c:/a", "/b"), P("c:/b"))
        self.assertEqual(P("c:/a", "c:b"), P("c:/a/b"))

    def test_case_insensitive(self):
        P = self.P
        self.assertEqual(P("C:/A/B"), P("c:\\a\\b"))
        self.assertEqual(hash(P("C:/A/B")), hash(P("c:\\a\\b")))
        self.assertTrue(P("C:/A/B.PY").match("*.py"))

    def test_reserved(self):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            self.assertTrue(self.P("nul").is_reserved())
            self.assertTrue(self.P("c:/x/CON.txt").is_reserved())
            self.assertFalse(self.P("c:/x/cons").is_reserved())

    def test_uri(self):
        self.assertEqual(self.P("c:/a b/c").as_uri(), "file:///c:/a%20b/c")
        self.assertEqual(self.P("//srv/sh/f").as_uri(), "file://srv/sh/f")

    def test_relative_to(self):
        P = self.P
        self.assertEqual(P("C:/Foo/Bar").relative_to("c:/foo"), P("Bar"))
        self.assertRaises(ValueError, P("c:/a").relative_to, "d:/a")


class PathTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp()
        self.base = Path(self.tmp)

    def tearDown(self):
        for root, dirs, files in os.walk(self.tmp, topdown=False):
            for name in files:
                os.unlink(os.path.join(root, name))
            for name in dirs:
                p = os.path.join(root, name)
                if os.path.islink(p):
                    os.unlink(p)
                else:
                    os.rmdir(p)
        os.rmdir(self.tmp)

    def test_types(self):
        p = Path("a")
        if os.name != "nt":
            self.assertIs(type(p), PosixPath)
            self.assertEqual(repr(p), "PosixPath('a')")
            with self.assertRaises(UnsupportedOperation) as cm:
                WindowsPath("a")
            self.assertEqual(str(cm.exception),
                             "cannot instantiate 'WindowsPath' "
                             "on your system")
        self.assertTrue(issubclass(UnsupportedOperation, NotImplementedError))

    def test_cwd_home_absolute(self):
        self.assertEqual(Path.cwd(), Path(os.getcwd()))
        self.assertEqual(Path("x").absolute(), Path(os.getcwd(), "x"))
        self.assertTrue(Path.home().is_absolute())
        self.assertEqual(Path("~/x").expanduser(), Path.home() / "x")

    def test_read_write(self):
        p = self.base / "f.txt"
        self.assertEqual(p.write_text("héllo\n", encoding="utf-8"), 6)
        self.assertEqual(p.read_text(encoding="utf-8"), "héllo\n")
        self.assertEqual(p.read_bytes(), "héllo\n".encode("utf-8"))
        self.assertEqual(p.write_bytes(b"ab"), 2)
        self.assertEqual(p.read_bytes(), b"ab")
        with p.open("w", encoding="utf-8") as f:
            f.write("z")
        self.assertEqual(p.read_text(encoding="utf-8"), "z")
        self.assertRaises(TypeError, p.write_text, b"x")

    def test_stat_predicates(self):
        p = self.base / "f"
        self.assertFalse(p.exists())
        self.assertFalse(p.is_file())
        p.touch()
        self.assertTrue(p.exists())
        self.assertTrue(p.is_file())
        self.assertFalse(p.is_dir())
        self.assertTrue(self.base.is_dir())
        self.assertEqual(p.stat().st_size, 0)
        self.assertRaises(FileExistsError, p.touch, exist_ok=False)
        self.assertTrue(p.samefile(str(p)))

    def test_mkdir_rmdir(self):
        d = self.base / "a" / "b"
        self.assertRaises(FileNotFoundError, d.mkdir)
        d.mkdir(parents=True)
        self.assertTrue(d.is_dir())
        self.assertRaises(FileExistsError, d.mkdir)
        d.mkdir(exist_ok=True)
        d.rmdir()
        self.assertFalse(d.exists())

    def test_unlink_rename_replace(self):
        p = self.base / "f"
        p.write_text("1")
        q = p.rename(self.base / "g")
        self.assertEqual(q, self.base / "g")
        self.assertFalse(p.exists())
        r = self.base / "h"
        r.write_text("2")
        q.replace(r)
        self.assertEqual(r.read_text(), "1")
        r.unlink()
        self.assertRaises(FileNotFoundError, r.unlink)
        r.unlink(missing_ok=True)

    def test_iterdir_glob(self):
        for name in ("a.py", "b.py", "c.txt"):
            (self.base / name).touch()
        (self.base / "sub" / "deep").mkdir(parents=True)
        (self.base / "sub" / "d.py").touch()
        (self.base / "sub" / "deep" / "e.py").touch()
        names = sorted(p.name for p in self.base.iterdir())
        self.assertEqual(names, ["a.py", "b.py", "c.txt", "sub"])
        self.assertEqual(sorted(p.name for p in self.base.glob("*.py")),
                         ["a.py", "b.py"])
        self.assertEqual(sorted(p.name for p in self.base.rglob("*.py")),
                         ["a.py", "b.py", "d.py", "e.py"])
        self.assertEqual(sorted(p.relative_to(self.base).as_posix()
                                for p in self.base.glob("**/*.py")),
                         ["a.py", "b.py", "sub/d.py", "sub/deep/e.py"])
        self.assertEqual(sorted(p.name for p in self.base.glob("*/")),
                         ["sub"])
        self.assertEqual(list(self.base.glob("sub/d.py")),
                         [self.base / "sub" / "d.py"])
        self.assertEqual(sorted(p.name for p in
                                self.base.glob("*.PY", case_sensitive=False)),
                         ["a.py", "b.py"])
        self.assertEqual(sorted(p.relative_to(self.base).as_posix()
                                for p in self.base.glob("**")),
                         [".", "a.py", "b.py", "c.txt", "sub", "sub/d.py",
                          "sub/deep", "sub/deep/e.py"])
        self.assertEqual(sorted(p.relative_to(self.base).as_posix()
                                for p in self.base.glob("**/")),
                         [".", "sub", "sub/deep"])

    def test_glob_double_star_no_duplicates(self):
        for d in ("a/b/c", "a/a/b"):
            (self.base / d).mkdir(parents=True)
        for f in ("a/1.py", "a/b/2.py", "a/b/c/3.py", "a/a/b/4.py"):
            (self.base / f).touch()
        rel = lambda it: sorted(p.relative_to(self.base).as_posix()
                                for p in it)
        self.assertEqual(rel(self.base.glob("**/**/*.py")),
                         ["a/1.py", "a/a/b/4.py", "a/b/2.py", "a/b/c/3.py"])
        self.assertEqual(rel(self.base.rglob("b/")), ["a/a/b", "a/b"])
        self.assertEqual(rel(self.base.rglob("")),
                         [".", "a", "a/a", "a/a/b", "a/b", "a/b/c"])
        with self.assertRaises(ValueError):
            list(self.base.glob(""))
        with self.assertRaises(NotImplementedError):
            list(self.base.glob("/x"))

    def test_walk_on_error(self):
        errors = []
        self.assertEqual(list((self.base / "missing").walk(
            on_error=errors.append)), [])
        self.assertEqual(len(errors), 1)
        self.assertIsInstance(errors[0], FileNotFoundError)

    def test_walk(self):
        (self.base / "x" / "y").mkdir(parents=True)
        (self.base / "x" / "f").touch()
        result = [(p.relative_to(self.base).as_posix(), sorted(d), sorted(f))
                  for p, d, f in self.base.walk()]
        self.assertEqual(result, [(".", ["x"], []), ("x", ["y"], ["f"]),
                                  ("x/y", [], [])])
        bottom_up = [p.name for p, d, f in self.base.walk(top_down=False)]
        self.assertEqual(bottom_up[-1], self.base.name)
        self.assertEqual(bottom_up[0], "y")

    @unittest.skipUnless(hasattr(os, "symlink"), "needs symlinks")
    def test_symlinks(self):
        target = self.base / "t"
        target.write_text("x")
        link = self.base / "l"
        link.symlink_to(target)
        self.assertTrue(link.is_symlink())
        self.assertFalse(target.is_symlink())
        self.assertEqual(link.readlink(), target)
        self.assertTrue(link.exists())
        self.assertEqual(link.resolve(), target.resolve())
        dangling = self.base / "d"
        dangling.symlink_to(self.base / "missing")
        self.assertFalse(dangling.exists())
        self.assertTrue(dangling.exists(follow_symlinks=False))
        self.assertRaises(FileNotFoundError, dangling.resolve, strict=True)
        hard = self.base / "h"
        hard.hardlink_to(target)
        self.assertTrue(hard.samefile(target))

    def test_resolve(self):
        p = self.base / "a" / ".." / "b"
        self.assertEqual(p.resolve(), Path(os.path.realpath(self.tmp)) / "b")
        self.assertRaises(FileNotFoundError, p.resolve, strict=True)

    def test_chmod(self):
        p = self.base / "f"
        p.touch()
        p.chmod(0o600)
        self.assertEqual(p.stat().st_mode & 0o777, 0o600)

    @unittest.skipUnless(os.path.exists("/etc/passwd"), "needs /etc/passwd")
    def test_owner_group(self):
        p = self.base / "f"
        p.touch()
        self.assertIsInstance(p.owner(), str)
        self.assertIsInstance(p.group(), str)
        if os.getuid() == 0:
            self.assertEqual(p.owner(), "root")


if __name__ == "__main__":
    unittest.main()
