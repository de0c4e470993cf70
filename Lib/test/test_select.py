import os
import select
import unittest


class FileLike:
    def __init__(self, fd):
        self.fd = fd

    def fileno(self):
        return self.fd


class SelectTests(unittest.TestCase):

    def setUp(self):
        self.r, self.w = os.pipe()

    def tearDown(self):
        os.close(self.r)
        os.close(self.w)

    def test_error_is_oserror(self):
        self.assertIs(select.error, OSError)

    def test_empty_ready(self):
        self.assertEqual(select.select([self.r], [self.w], [], 0), ([], [self.w], []))

    def test_readable(self):
        os.write(self.w, b"x")
        self.assertEqual(select.select([self.r], [], [], 5), ([self.r], [], []))

    def test_timeout_none_with_ready(self):
        self.assertEqual(select.select([], [self.w], []), ([], [self.w], []))

    def test_empty_lists_timeout(self):
        self.assertEqual(select.select([], [], [], 0.01), ([], [], []))

    def test_fileno_objects(self):
        f = FileLike(self.r)
        os.write(self.w, b"x")
        rl, wl, xl = select.select([f], [], [], 0)
        self.assertIs(rl[0], f)

    def test_bad_arguments(self):
        self.assertRaises(TypeError, select.select, 1, 2, 3)
        self.assertRaises(TypeError, select.select, [object()], [], [])
        self.assertRaises(ValueError, select.select, [-1], [], [])
        with self.assertRaises(TypeError) as cm:
            select.select([], [], [], "1")
        self.assertEqual(str(cm.exception), "timeout must be a float or None")
        with self.assertRaises(ValueError) as cm:
            select.select([], [], [], -1)
        self.assertEqual(str(cm.exception), "timeout must be non-negative")

    def test_closed_fd(self):
        r, w = os.pipe()
        os.close(r)
        os.close(w)
        self.assertRaises(OSError, select.select, [r], [], [], 0)


class PollTests(unittest.TestCase):

    def setUp(self):
        self.r, self.w = os.pipe()

    def tearDown(self):
        os.close(self.r)
        os.close(self.w)

    def test_constants(self):
        for name in ("POLLIN", "POLLPRI", "POLLOUT", "POLLERR", "POLLHUP", "POLLNVAL"):
            self.assertIsInstance(getattr(select, name), int)

    def test_register_poll(self):
        p = select.poll()
        p.register(self.r, select.POLLIN)
        p.register(self.w)
        self.assertEqual(p.poll(0), [(self.w, select.POLLOUT)])
        os.write(self.w, b"x")
        self.assertEqual(sorted(p.poll(0)),
                         sorted([(self.r, select.POLLIN), (self.w, select.POLLOUT)]))

    def test_modify_unregister(self):
        p = select.poll()
        p.register(FileLike(self.w), select.POLLOUT)
        p.modify(self.w, select.POLLIN)
        self.assertEqual(p.poll(0), [])
        p.unregister(self.w)
        self.assertRaises(KeyError, p.unregister, self.w)
        with self.assertRaises(FileNotFoundError):
            p.modify(self.w, select.POLLIN)

    def test_timeouts(self):
        p = select.poll()
        p.register(self.r, select.POLLIN)
        self.assertEqual(p.poll(10), [])
        self.assertEqual(p.poll(1.5), [])
        self.assertRaises(TypeError, p.poll, "x")
        os.write(self.w, b"x")
        self.assertEqual(p.poll(None), [(self.r, select.POLLIN)])
        self.assertEqual(p.poll(-1), [(self.r, select.POLLIN)])

    def test_hup(self):
        r, w = os.pipe()
        p = select.poll()
        p.register(r, select.POLLIN)
        os.close(w)
        [(fd, ev)] = p.poll(0)
        os.close(r)
        self.assertEqual(fd, r)
        self.assertTrue(ev & select.POLLHUP)

    def test_nval(self):
        r, w = os.pipe()
        os.close(r)
        os.close(w)
        p = select.poll()
        p.register(r)
        self.assertEqual(p.poll(0), [(r, select.POLLNVAL)])

    def test_bad_register(self):
        p = select.poll()
        self.assertRaises(TypeError, p.register, object())
        self.assertRaises(ValueError, p.register, -1)
        self.assertRaises(OverflowError, p.register, self.r, 1 << 20)


@unittest.skipUnless(hasattr(select, "epoll"), "needs select.epoll")
class EpollTests(unittest.TestCase):

    def setUp(self):
        self.r, self.w = os.pipe()

    def tearDown(self):
        os.close(self.r)
        os.close(self.w)

    def test_register_poll(self):
        with select.epoll() as ep:
            self.assertFalse(ep.closed)
            self.assertIsInstance(ep.fileno(), int)
            ep.register(self.r, select.EPOLLIN)
            ep.register(FileLike(self.w), select.EPOLLOUT)
            self.assertEqual(ep.poll(0), [(self.w, select.EPOLLOUT)])
            os.write(self.w, b"x")
            self.assertEqual(sorted(ep.poll(1)),
                             sorted([(self.r, select.EPOLLIN), (self.w, select.EPOLLOUT)]))
            ep.modify(self.w, select.EPOLLIN)
            ep.unregister(self.r)
            self.assertEqual(ep.poll(0.01), [])
            self.assertRaises(FileExistsError, ep.register, self.w)
            self.assertRaises(ValueError, ep.poll, 0, 0)
        self.assertTrue(ep.closed)
        with self.assertRaises(ValueError) as cm:
            ep.poll()
        self.assertEqual(str(cm.exception), "I/O operation on closed epoll object")
        ep.close()

    def test_fromfd(self):
        ep = select.epoll()
        ep2 = select.epoll.fromfd(os.dup(ep.fileno()))
        ep2.register(self.w, select.EPOLLOUT)
        self.assertEqual(ep2.poll(0), [(self.w, select.EPOLLOUT)])
        ep.close()
        ep2.close()


if __name__ == "__main__":
    unittest.main()
