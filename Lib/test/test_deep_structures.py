"""Deep recursion and deeply nested objects must end in exceptions or clean deallocation,
never a crash.  Each case runs in a child process so that a crash shows as an exit code."""

import subprocess
import sys
import unittest

CASES = {
    "recursion_error_with_high_limit": (
        "import sys\n"
        "sys.setrecursionlimit(100000)\n"
        "def f(n): return f(n + 1)\n"
        "try:\n"
        "    f(0)\n"
        "except RecursionError:\n"
        "    print('ok')\n"),
    "deep_traceback_released": (
        "def h(n):\n"
        "    if n == 0: raise ValueError\n"
        "    h(n - 1)\n"
        "import sys\n"
        "sys.setrecursionlimit(100000)\n"
        "try:\n"
        "    h(60000)\n"
        "except ValueError as e:\n"
        "    tb = e.__traceback__\n"
        "del tb\n"
        "print('ok')\n"),
    "deep_frame_chain_released": (
        "import sys\n"
        "sys.setrecursionlimit(100000)\n"
        "def g(n):\n"
        "    if n == 0: return sys._getframe()\n"
        "    return g(n - 1)\n"
        "frame = g(50000)\n"
        "del frame\n"
        "print('ok')\n"),
    "deep_containers_released": (
        "x = []\n"
        "for i in range(300000): x = [x]\n"
        "d = {}\n"
        "for i in range(300000): d = {1: d}\n"
        "t = ()\n"
        "for i in range(300000): t = (t,)\n"
        "del x, d, t\n"
        "print('ok')\n"),
    "deep_repr_raises": (
        "x = []\n"
        "for i in range(100000): x = [x]\n"
        "try:\n"
        "    repr(x)\n"
        "except RecursionError:\n"
        "    print('ok')\n"),
}


class DeepStructureTests(unittest.TestCase):
    def test_cases(self):
        for name, code in CASES.items():
            with self.subTest(name):
                result = subprocess.run([sys.executable, "-c", code], capture_output=True,
                                        text=True, timeout=300)
                self.assertEqual(result.returncode, 0, result.stderr[-2000:])
                self.assertEqual(result.stdout, "ok\n")


if __name__ == "__main__":
    unittest.main()
