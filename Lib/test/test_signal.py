import os
import signal
import threading
import unittest


class SignalBasicsTests(unittest.TestCase):

    def test_constants(self):
        self.assertIsInstance(signal.SIGINT, signal.Signals)
        self.assertEqual(signal.SIGINT, 2)
        self.assertEqual(repr(signal.SIGINT), '<Signals.SIGINT: 2>')
        self.assertIsInstance(signal.SIG_DFL, signal.Handlers)
        self.assertEqual(signal.SIG_DFL, 0)
        self.assertEqual(signal.SIG_IGN, 1)
        self.assertEqual(signal.Sigmasks.SIG_BLOCK, signal.SIG_BLOCK)
        self.assertIsInstance(signal.NSIG, int)
        self.assertGreater(signal.NSIG, signal.SIGTERM)
        self.assertTrue(issubclass(signal.ItimerError, OSError))
        self.assertIs(signal.Signals(6), signal.SIGABRT)

    def test_default_int_handler(self):
        self.assertIs(signal.getsignal(signal.SIGINT), signal.default_int_handler)
        self.assertRaises(KeyboardInterrupt, signal.default_int_handler, 2, None)

    def test_getsignal_out_of_range(self):
        self.assertRaises(ValueError, signal.getsignal, 0)
        self.assertRaises(ValueError, signal.getsignal, signal.NSIG)
        with self.assertRaises(ValueError) as cm:
            signal.signal(4242, signal.SIG_DFL)
        self.assertEqual(str(cm.exception), 'signal number out of range')

    def test_bad_handler(self):
        with self.assertRaises(TypeError) as cm:
            signal.signal(signal.SIGUSR1, 42)
        self.assertIn('signal handler must be', str(cm.exception))

    def test_uncatchable(self):
        self.assertRaises(OSError, signal.signal, signal.SIGKILL, signal.SIG_IGN)

    def test_set_and_restore(self):
        def handler(signum, frame):
            pass
        old = signal.signal(signal.SIGUSR1, handler)
        try:
            self.assertIs(signal.getsignal(signal.SIGUSR1), handler)
            self.assertIs(signal.signal(signal.SIGUSR1, signal.SIG_IGN), handler)
            self.assertIs(signal.getsignal(signal.SIGUSR1), signal.SIG_IGN)
        finally:
            signal.signal(signal.SIGUSR1, old)
        self.assertEqual(signal.getsignal(signal.SIGUSR1), old)

    def test_strsignal(self):
        self.assertIn('Interrupt', signal.strsignal(signal.SIGINT))
        self.assertIn('Terminated', signal.strsignal(signal.SIGTERM))
        self.assertRaises(ValueError, signal.strsignal, 4242)

    def test_valid_signals(self):
        s = signal.valid_signals()
        self.assertIsInstance(s, set)
        self.assertIn(signal.SIGINT, s)
        self.assertIn(signal.SIGALRM, s)
        self.assertNotIn(0, s)
        self.assertNotIn(signal.NSIG, s)


class SignalDeliveryTests(unittest.TestCase):

    def setUp(self):
        self.got = []
        self.old = signal.signal(signal.SIGUSR1, self.handler)

    def tearDown(self):
        signal.signal(signal.SIGUSR1, self.old)

    def handler(self, signum, frame):
        self.got.append(signum)

    def test_raise_signal(self):
        signal.raise_signal(signal.SIGUSR1)
        self.assertEqual(self.got, [signal.SIGUSR1])

    def test_kill(self):
        os.kill(os.getpid(), signal.SIGUSR1)
        for _ in range(100):
            if self.got:
                break
        self.assertEqual(self.got, [signal.SIGUSR1])

    def test_handler_gets_frame(self):
        frames = []
        signal.signal(signal.SIGUSR1, lambda n, f: frames.append(f))
        signal.raise_signal(signal.SIGUSR1)
        self.assertEqual(len(frames), 1)
        self.assertIsNotNone(frames[0])

    def test_handler_exception_propagates(self):
        def boom(signum, frame):
            raise ZeroDivisionError("from handler")
        signal.signal(signal.SIGUSR1, boom)
        with self.assertRaises(ZeroDivisionError):
            signal.raise_signal(signal.SIGUSR1)

    def test_sigint_raises_keyboard_interrupt(self):
        with self.assertRaises(KeyboardInterrupt):
            signal.raise_signal(signal.SIGINT)

    def test_ignored(self):
        signal.signal(signal.SIGUSR1, signal.SIG_IGN)
        signal.raise_signal(signal.SIGUSR1)
        self.assertEqual(self.got, [])

    def test_pthread_kill_main(self):
        signal.pthread_kill(threading.get_ident(), signal.SIGUSR1)
        self.assertEqual(self.got, [signal.SIGUSR1])

    def test_sigmask_and_pending(self):
        old = signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR1])
        try:
            self.assertNotIn(signal.SIGUSR1, old)
            signal.raise_signal(signal.SIGUSR1)
            self.assertEqual(self.got, [])
            self.assertIn(signal.SIGUSR1, signal.sigpending())
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, old)
        self.assertEqual(self.got, [signal.SIGUSR1])

    def test_alarm_and_pause(self):
        got = []
        old = signal.signal(signal.SIGALRM, lambda n, f: got.append(n))
        try:
            self.assertEqual(signal.alarm(1), 0)
            signal.pause()
            self.assertEqual(got, [signal.SIGALRM])
        finally:
            signal.alarm(0)
            signal.signal(signal.SIGALRM, old)

    def test_setitimer(self):
        got = []
        old = signal.signal(signal.SIGALRM, lambda n, f: got.append(n))
        try:
            self.assertEqual(signal.setitimer(signal.ITIMER_REAL, 0.05), (0.0, 0.0))
            delay, interval = signal.getitimer(signal.ITIMER_REAL)
            self.assertGreater(delay, 0)
            self.assertEqual(interval, 0.0)
            signal.pause()
            self.assertEqual(got, [signal.SIGALRM])
            self.assertEqual(signal.getitimer(signal.ITIMER_REAL), (0.0, 0.0))
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, old)

    def test_setitimer_bad_which(self):
        self.assertRaises(signal.ItimerError, signal.setitimer, -1, 0)

    def test_siginterrupt(self):
        signal.siginterrupt(signal.SIGUSR1, True)
        signal.siginterrupt(signal.SIGUSR1, False)
        self.assertRaises(ValueError, signal.siginterrupt, 4242, True)

    def test_wakeup_fd(self):
        r, w = os.pipe()
        try:
            with self.assertRaises(ValueError):
                signal.set_wakeup_fd(w)          # blocking fd
            os.set_blocking(w, False)
            self.assertEqual(signal.set_wakeup_fd(w), -1)
            try:
                signal.raise_signal(signal.SIGUSR1)
            finally:
                self.assertEqual(signal.set_wakeup_fd(-1), w)
            self.assertEqual(os.read(r, 10), bytes([signal.SIGUSR1]))
            self.assertEqual(self.got, [signal.SIGUSR1])
        finally:
            os.close(r)
            os.close(w)

    def test_signal_from_thread(self):
        errors = []

        def body():
            try:
                signal.signal(signal.SIGUSR1, signal.SIG_IGN)
            except ValueError as e:
                errors.append(str(e))
        t = threading.Thread(target=body)
        t.start()
        t.join()
        self.assertEqual(errors,
                         ['signal only works in main thread of the main interpreter'])


if __name__ == "__main__":
    unittest.main()
