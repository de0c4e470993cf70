import os
import sys
import unittest
import platform


class PlatformTests(unittest.TestCase):
    def test_uname(self):
        u = platform.uname()
        self.assertEqual(len(u), 6)
        self.assertEqual(u[0], u.system)
        self.assertEqual(u[4], u.machine)
        self.assertEqual(u.system, os.uname().sysname)
        self.assertEqual(u.node, os.uname().nodename)
        self.assertEqual(u.release, os.uname().release)
        self.assertEqual(u.machine, os.uname().machine)
        self.assertEqual(list(u)[:5], list(os.uname()))
        self.assertIs(platform.uname(), u)

    def test_uname_result(self):
        r = platform.uname_result("s", "n", "r", "v", "m")
        self.assertEqual(r.system, "s")
        self.assertEqual(r[:3], ("s", "n", "r"))
        self.assertEqual(r._fields, ("system", "node", "release", "version",
                                     "machine", "processor"))
        self.assertEqual(repr(r), "uname_result(system='s', node='n', "
                         "release='r', version='v', machine='m')")
        self.assertRaises(TypeError, platform.uname_result, "a")

    def test_simple_getters(self):
        u = platform.uname()
        self.assertEqual(platform.system(), u.system)
        self.assertEqual(platform.node(), u.node)
        self.assertEqual(platform.release(), u.release)
        self.assertEqual(platform.version(), u.version)
        self.assertEqual(platform.machine(), u.machine)
        self.assertIsInstance(platform.processor(), str)

    def test_python_version(self):
        v = sys.version_info
        self.assertEqual(platform.python_version(),
                         "%d.%d.%d" % (v.major, v.minor, v.micro))
        self.assertEqual(platform.python_version_tuple(),
                         (str(v.major), str(v.minor), str(v.micro)))

    def test_python_implementation(self):
        impl = platform.python_implementation()
        self.assertEqual(impl.lower(), sys.implementation.name)
        self.assertTrue(impl[0].isupper())

    def test_build_and_compiler(self):
        build = platform.python_build()
        self.assertEqual(len(build), 2)
        self.assertIsInstance(build[0], str)
        self.assertIsInstance(build[1], str)
        self.assertIsInstance(platform.python_compiler(), str)

    def test_architecture(self):
        bits, linkage = platform.architecture()
        self.assertEqual(bits, "64bit" if sys.maxsize > 2 ** 32 else "32bit")
        if sys.platform.startswith("linux"):
            self.assertEqual(linkage, "ELF")

    @unittest.skipUnless(sys.platform.startswith("linux"), "Linux only")
    def test_platform_string(self):
        s = platform.platform()
        self.assertTrue(s.startswith("Linux-"))
        self.assertIn(platform.machine(), s)
        self.assertNotIn(" ", s)
        lib, ver = platform.libc_ver()
        if lib == "glibc":
            self.assertTrue(s.endswith("-with-glibc" + ver))
            self.assertTrue(ver[0].isdigit())

    @unittest.skipUnless(os.path.exists("/etc/os-release")
                         or os.path.exists("/usr/lib/os-release"),
                         "no os-release")
    def test_freedesktop_os_release(self):
        info = platform.freedesktop_os_release()
        self.assertIn("ID", info)
        self.assertIn("NAME", info)
        info["ID"] = "changed"
        self.assertNotEqual(platform.freedesktop_os_release()["ID"],
                            "changed")


if __name__ == "__main__":
    unittest.main()
