"""Tests of the subprocess module (POSIX).  Children are /bin/sh, cat and this interpreter."""

import io
import os
import subprocess
import sys
import time
import unittest

PY = sys.executable


class RunTests(unittest.TestCase):
    def test_run_capture(self):
        result = subprocess.run(["echo", "hello"], capture_output=True)
        self.assertEqual(result.returncode, 0)
        self.assertEqual(result.stdout, b"hello\n")
        self.assertEqual(result.stderr, b"")
        self.assertEqual(repr(result),
                         "CompletedProcess(args=['echo', 'hello'], returncode=0, "
                         "stdout=b'hello\\n', stderr=b'')")

    def test_run_no_capture_repr(self):
        result = subprocess.run(["true"])
        self.assertEqual(repr(result), "CompletedProcess(args=['true'], returncode=0)")
        self.assertIsNone(result.stdout)

    def test_run_text_and_input(self):
        result = subprocess.run(["cat"], input="línea\r\ndos\n", capture_output=True,
                                text=True)
        self.assertEqual(result.stdout, "línea\ndos\n")   # universal newlines
        result = subprocess.run(["cat"], input=b"a\r\nb", stdout=subprocess.PIPE)
        self.assertEqual(result.stdout, b"a\r\nb")

    def test_exit_status_and_check(self):
        self.assertEqual(subprocess.run(["sh", "-c", "exit 7"]).returncode, 7)
        with self.assertRaises(subprocess.CalledProcessError) as cm:
            subprocess.run(["sh", "-c", "echo out; exit 3"], check=True,
                           stdout=subprocess.PIPE)
        self.assertEqual(cm.exception.returncode, 3)
        self.assertEqual(cm.exception.stdout, b"out\n")
        self.assertEqual(str(cm.exception),
                         "Command '['sh', '-c', 'echo out; exit 3']' returned non-zero "
                         "exit status 3.")

    def test_killed_by_signal(self):
        result = subprocess.run(["sh", "-c", "kill -9 $$"])
        self.assertEqual(result.returncode, -9)
        err = subprocess.CalledProcessError(-9, "x")
        self.assertEqual(str(err), "Command 'x' died with <Signals.SIGKILL: 9>.")

    def test_shell_and_stderr_to_stdout(self):
        out = subprocess.check_output("echo one; echo two >&2", shell=True,
                                      stderr=subprocess.STDOUT)
        self.assertEqual(sorted(out.split()), [b"one", b"two"])

    def test_missing_program(self):
        with self.assertRaises(FileNotFoundError) as cm:
            subprocess.run(["/nonexistent/program"])
        self.assertEqual(cm.exception.filename, "/nonexistent/program")
        with self.assertRaises(FileNotFoundError):
            subprocess.run(["no-such-program-braid-test"])

    def test_not_executable(self):
        with self.assertRaises(PermissionError):
            subprocess.run([os.devnull])

    def test_bad_cwd(self):
        with self.assertRaises(FileNotFoundError) as cm:
            subprocess.run(["true"], cwd="/nonexistent/dir")
        self.assertEqual(cm.exception.filename, "/nonexistent/dir")

    def test_cwd_and_env(self):
        out = subprocess.run(["pwd"], cwd="/", stdout=subprocess.PIPE).stdout
        self.assertEqual(out, b"/\n")
        out = subprocess.run(["/bin/sh", "-c", "echo $BRAID_X-$HOME"],
                             env={"BRAID_X": "1"}, stdout=subprocess.PIPE).stdout
        self.assertEqual(out, b"1-\n")

    def test_timeout(self):
        with self.assertRaises(subprocess.TimeoutExpired) as cm:
            subprocess.run(["sleep", "10"], timeout=0.2)
        # CPython reports the time left when communicate() gave up, just under 0.2.
        self.assertTrue(str(cm.exception).startswith(
            "Command '['sleep', '10']' timed out after 0."), str(cm.exception))
        self.assertTrue(str(cm.exception).endswith(" seconds"))
        self.assertEqual(str(subprocess.TimeoutExpired(["sleep", "10"], 0.2)),
                         "Command '['sleep', '10']' timed out after 0.2 seconds")

    def test_devnull(self):
        result = subprocess.run(["cat"], stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                stderr=subprocess.DEVNULL)
        self.assertEqual(result.stdout, b"")

    def test_call_and_check_call(self):
        self.assertEqual(subprocess.call(["sh", "-c", "exit 2"]), 2)
        self.assertEqual(subprocess.check_call(["true"]), 0)
        with self.assertRaises(subprocess.CalledProcessError):
            subprocess.check_call(["false"])

    def test_getoutput(self):
        self.assertEqual(subprocess.getoutput("echo hi"), "hi")
        self.assertEqual(subprocess.getstatusoutput("echo bye; exit 4"), (4, "bye"))

    def test_argument_errors(self):
        with self.assertRaises(ValueError):
            subprocess.run(["cat"], input=b"x", stdin=subprocess.PIPE)
        with self.assertRaises(ValueError):
            subprocess.run(["true"], capture_output=True, stdout=subprocess.PIPE)
        with self.assertRaises(ValueError):
            subprocess.check_output(["true"], stdout=subprocess.PIPE)

    def test_python_child(self):
        out = subprocess.check_output([PY, "-c", "import sys; print(sys.argv[1:])", "a b"])
        self.assertEqual(out.strip(), b"['a b']")


class PopenTests(unittest.TestCase):
    def test_communicate_large_both_pipes(self):
        script = "import sys; d = sys.stdin.read(); sys.stdout.write(d); sys.stderr.write(d)"
        with subprocess.Popen([PY, "-c", script], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE) as p:
            data = b"0123456789" * 30000
            out, err = p.communicate(data)
        self.assertEqual(len(out), len(data))
        self.assertEqual(out, data)
        self.assertEqual(err, data)
        self.assertEqual(p.returncode, 0)

    def test_poll_wait_and_kill(self):
        p = subprocess.Popen(["sleep", "10"])
        self.assertIsNone(p.poll())
        with self.assertRaises(subprocess.TimeoutExpired):
            p.wait(timeout=0.05)
        p.kill()
        self.assertEqual(p.wait(), -9)
        self.assertEqual(p.poll(), -9)
        p.kill()            # no error after the child was reaped

    def test_terminate(self):
        p = subprocess.Popen(["sleep", "10"])
        p.terminate()
        self.assertEqual(p.wait(), -15)

    def test_stream_objects(self):
        p = subprocess.Popen(["cat"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                             text=True)
        self.assertIsInstance(p.stdin, io.TextIOWrapper)
        p.stdin.write("abc\n")
        p.stdin.close()
        self.assertEqual(p.stdout.read(), "abc\n")
        p.stdout.close()
        self.assertEqual(p.wait(), 0)

    def test_communicate_timeout_then_finish(self):
        p = subprocess.Popen(["sh", "-c", "echo early; sleep 0.5; echo late"],
                             stdout=subprocess.PIPE)
        with self.assertRaises(subprocess.TimeoutExpired):
            p.communicate(timeout=0.1)
        out, err = p.communicate()
        self.assertEqual(out, b"early\nlate\n")
        self.assertIsNone(err)

    def test_pass_fds_and_close_fds(self):
        read_end, write_end = os.pipe()
        try:
            script = "import os, sys; os.write(int(sys.argv[1]), b'via fd')"
            subprocess.run([PY, "-c", script, str(write_end)], pass_fds=(write_end,),
                           check=True)
            self.assertEqual(os.read(read_end, 100), b"via fd")
            # Without pass_fds the descriptor is closed in the child.
            result = subprocess.run([PY, "-c", script, str(write_end)],
                                    stderr=subprocess.DEVNULL)
            self.assertNotEqual(result.returncode, 0)
        finally:
            os.close(read_end)
            os.close(write_end)

    def test_context_manager_and_repr(self):
        with subprocess.Popen(["true"]) as p:
            pass
        self.assertEqual(p.returncode, 0)
        self.assertEqual(repr(p), "<Popen: returncode: 0 args: ['true']>")

    def test_pid(self):
        out = subprocess.check_output(["sh", "-c", "echo $$"])
        self.assertTrue(int(out) > 0)


class HelperTests(unittest.TestCase):
    def test_list2cmdline(self):
        self.assertEqual(subprocess.list2cmdline(["a b", "c", 'd"e', "f\\"]),
                         '"a b" c d\\"e f\\')
        self.assertEqual(subprocess.list2cmdline(["", "x y\\"]), '"" "x y\\\\"')

    def test_exceptions(self):
        exc = subprocess.TimeoutExpired(["x"], 1.5, output=b"o")
        self.assertEqual(exc.stdout, b"o")
        self.assertTrue(issubclass(subprocess.CalledProcessError, subprocess.SubprocessError))
        self.assertEqual((subprocess.PIPE, subprocess.STDOUT, subprocess.DEVNULL), (-1, -2, -3))


if __name__ == "__main__":
    unittest.main()
