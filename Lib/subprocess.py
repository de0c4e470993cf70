"""Run child processes, connect to their pipes and get their exit status.

The POSIX implementation: Popen starts the child with _posixsubprocess.fork_exec (C code that
runs nothing but async-signal-safe calls between fork and exec, and reports a failed exec to
the parent, where it becomes FileNotFoundError, PermissionError, ...).  communicate() moves
data with one helper thread per pipe, so large outputs on both stdout and stderr cannot
deadlock, and a timeout leaves the transfer running for the next call, as documented.

Not supported (they raise ValueError/NotImplementedError here): preexec_fn, user, group,
extra_groups, process_group and pipesize.  restore_signals is accepted (the child resets
SIGPIPE, the only signal Braid changes).
"""

import io
import os
import sys
import threading
import time

import _posixsubprocess

__all__ = ["Popen", "PIPE", "STDOUT", "call", "check_call", "getstatusoutput", "getoutput",
           "check_output", "run", "CalledProcessError", "DEVNULL", "SubprocessError",
           "TimeoutExpired", "CompletedProcess", "list2cmdline"]

PIPE = -1
STDOUT = -2
DEVNULL = -3

# Signal names for messages ("died with <Signals.SIGKILL: 9>.") when the signal module is
# not there to name them.
_SIGNAL_NAMES = {1: "SIGHUP", 2: "SIGINT", 3: "SIGQUIT", 4: "SIGILL", 5: "SIGTRAP",
                 6: "SIGABRT", 7: "SIGBUS", 8: "SIGFPE", 9: "SIGKILL", 10: "SIGUSR1",
                 11: "SIGSEGV", 12: "SIGUSR2", 13: "SIGPIPE", 14: "SIGALRM", 15: "SIGTERM"}
_SIGTERM = 15
_SIGKILL = 9


def _signal_text(number):
    try:
        import signal
        return repr(signal.Signals(number))
    except (ImportError, ValueError, AttributeError):
        name = _SIGNAL_NAMES.get(number)
        return None if name is None else "<Signals.%s: %d>" % (name, number)


class SubprocessError(Exception):
    pass


class CalledProcessError(SubprocessError):
    """Raised by check_call, check_output and run(check=True) for a non-zero exit status."""

    def __init__(self, returncode, cmd, output=None, stderr=None):
        self.returncode = returncode
        self.cmd = cmd
        self.output = output
        self.stderr = stderr

    def __str__(self):
        if self.returncode and self.returncode < 0:
            text = _signal_text(-self.returncode)
            if text is None:
                return "Command '%s' died with unknown signal %d." % (self.cmd,
                                                                     -self.returncode)
            return "Command '%s' died with %s." % (self.cmd, text)
        return "Command '%s' returned non-zero exit status %d." % (self.cmd, self.returncode)

    @property
    def stdout(self):
        """Alias for output, to match CompletedProcess."""
        return self.output

    @stdout.setter
    def stdout(self, value):
        self.output = value


class TimeoutExpired(SubprocessError):
    """Raised when the timeout of a wait, communicate or run expires."""

    def __init__(self, cmd, timeout, output=None, stderr=None):
        self.cmd = cmd
        self.timeout = timeout
        self.output = output
        self.stderr = stderr

    def __str__(self):
        return "Command '%s' timed out after %s seconds" % (self.cmd, self.timeout)

    @property
    def stdout(self):
        return self.output

    @stdout.setter
    def stdout(self, value):
        self.output = value


class CompletedProcess:
    """What run() returns: args, returncode, stdout and stderr of a finished process."""

    def __init__(self, args, returncode, stdout=None, stderr=None):
        self.args = args
        self.returncode = returncode
        self.stdout = stdout
        self.stderr = stderr

    def __repr__(self):
        parts = ["args={!r}".format(self.args), "returncode={!r}".format(self.returncode)]
        if self.stdout is not None:
            parts.append("stdout={!r}".format(self.stdout))
        if self.stderr is not None:
            parts.append("stderr={!r}".format(self.stderr))
        return "{}({})".format(type(self).__name__, ", ".join(parts))

    def check_returncode(self):
        if self.returncode:
            raise CalledProcessError(self.returncode, self.args, self.stdout, self.stderr)


def _find_executables(name, env):
    """The candidate paths for a program name, searched as execvp does."""
    if os.sep in name:
        return [name]
    if env is not None and "PATH" in env:
        path = env["PATH"]
    else:
        path = os.environ.get("PATH", os.defpath)
    directories = path.split(os.pathsep) if path else []
    return [os.path.join(directory or ".", name) for directory in directories] or [name]


def _as_bytes(value):
    if isinstance(value, bytes):
        return value
    return os.fsencode(value)


class Popen:
    """Run a program in a new process.  See the subprocess documentation."""

    def __init__(self, args, bufsize=-1, executable=None, stdin=None, stdout=None,
                 stderr=None, preexec_fn=None, close_fds=True, shell=False, cwd=None,
                 env=None, universal_newlines=None, startupinfo=None, creationflags=0,
                 restore_signals=True, start_new_session=False, pass_fds=(), *,
                 group=None, extra_groups=None, user=None, umask=-1, encoding=None,
                 errors=None, text=None, pipesize=-1, process_group=None):
        self.args = args
        self.stdin = self.stdout = self.stderr = None
        self.pid = None
        self.returncode = None
        self._communication = None
        self._waitpid_lock = threading.Lock()
        if preexec_fn is not None:
            raise NotImplementedError("preexec_fn is not supported by Braid's subprocess")
        for name, value in (("user", user), ("group", group), ("extra_groups", extra_groups),
                            ("process_group", process_group)):
            if value is not None:
                raise NotImplementedError("%s= is not supported by Braid's subprocess" % name)
        if startupinfo is not None or creationflags:
            raise ValueError("startupinfo and creationflags are only supported on Windows")
        if text is not None and universal_newlines is not None and \
                bool(universal_newlines) != bool(text):
            raise SubprocessError("Cannot disambiguate when both text "
                                  "and universal_newlines are supplied but "
                                  "different. Pass one or the other.")
        self.text_mode = bool(encoding or errors or text or universal_newlines)
        self.universal_newlines = self.text_mode
        self.encoding = encoding
        self.errors = errors
        if self.text_mode and encoding is None:
            self.encoding = "utf-8"

        if isinstance(args, (str, bytes)) or hasattr(args, "__fspath__"):
            argv = [args]
        else:
            argv = list(args)
        if shell:
            argv = ["/bin/sh", "-c"] + argv
            if executable is None:
                executable = "/bin/sh"
        if not argv:
            raise IndexError("list index out of range")
        if executable is None:
            executable = argv[0]
        executables = [_as_bytes(path) for path in
                       _find_executables(os.fsdecode(os.fspath(executable)), env)]
        env_list = None
        if env is not None:
            env_list = []
            for key, value in env.items():
                key = _as_bytes(key)
                if b"=" in key:
                    raise ValueError("illegal environment variable name")
                env_list.append(key + b"=" + _as_bytes(value))
        pass_fds = tuple(sorted(int(fd) for fd in pass_fds))
        if pass_fds:
            close_fds = True

        to_close = []             # our ends handed to the child, closed after the fork
        p2cread, p2cwrite = self._child_fd(stdin, "r", to_close)
        c2pread, c2pwrite = self._child_fd(stdout, "w", to_close)
        if stderr == STDOUT:
            errread, errwrite = -1, (c2pwrite if c2pwrite != -1 else 1)
        else:
            errread, errwrite = self._child_fd(stderr, "w", to_close)
        try:
            self.pid = _posixsubprocess.fork_exec(
                [_as_bytes(os.fspath(a)) for a in argv], executables,
                None if cwd is None else os.fspath(cwd), env_list,
                (p2cread, c2pwrite, errwrite), bool(close_fds), pass_fds,
                bool(start_new_session), int(umask))
        except BaseException as exc:
            for fd in to_close + [p2cwrite, c2pread, errread]:
                if fd != -1:
                    os.close(fd)
            if isinstance(exc, OSError) and exc.filename == executables[0]:
                exc.filename = executable     # name the program as the caller gave it
            raise
        finally:
            for fd in to_close:
                try:
                    os.close(fd)
                except OSError:
                    pass
        if p2cwrite != -1:
            self.stdin = self._wrap(p2cwrite, "wb", bufsize, writing=True)
        if c2pread != -1:
            self.stdout = self._wrap(c2pread, "rb", bufsize, writing=False)
        if errread != -1:
            self.stderr = self._wrap(errread, "rb", bufsize, writing=False)

    def _child_fd(self, spec, direction, to_close):
        """(parent_end, child_end) for one standard stream; child_end -1 means inherit."""
        if spec is None:
            return -1, -1
        if spec == PIPE:
            read_end, write_end = os.pipe()
            if direction == "r":
                to_close.append(read_end)
                return read_end, write_end       # child reads read_end
            to_close.append(write_end)
            return read_end, write_end
        if spec == DEVNULL:
            fd = os.open(os.devnull, os.O_RDONLY if direction == "r" else os.O_WRONLY)
            to_close.append(fd)
            return (fd, -1) if direction == "r" else (-1, fd)
        if isinstance(spec, int):
            fd = spec
        else:
            fd = spec.fileno()
        return (fd, -1) if direction == "r" else (-1, fd)

    def _wrap(self, fd, mode, bufsize, writing):
        if bufsize == 1 and not self.text_mode:
            bufsize = -1      # line buffering only means something in text mode
        raw = io.open(fd, mode, -1 if bufsize == 1 else bufsize)
        if not self.text_mode:
            return raw
        if writing:
            return io.TextIOWrapper(raw, encoding=self.encoding, errors=self.errors,
                                    write_through=True, line_buffering=(bufsize == 1))
        return io.TextIOWrapper(raw, encoding=self.encoding, errors=self.errors)

    # -- status -------------------------------------------------------------------------
    def _handle_status(self, status):
        self.returncode = os.waitstatus_to_exitcode(status)

    def poll(self):
        """Return the exit status if the process has finished, else None."""
        if self.returncode is None:
            with self._waitpid_lock:
                if self.returncode is None:
                    try:
                        pid, status = os.waitpid(self.pid, os.WNOHANG)
                    except ChildProcessError:
                        self.returncode = 0 if self.returncode is None else self.returncode
                        return self.returncode
                    if pid == self.pid:
                        self._handle_status(status)
        return self.returncode

    def wait(self, timeout=None):
        """Wait for the process to finish and return its exit status; TimeoutExpired if
        it is still running after `timeout` seconds."""
        if self.returncode is not None:
            return self.returncode
        if timeout is None:
            with self._waitpid_lock:
                while self.returncode is None:
                    try:
                        pid, status = os.waitpid(self.pid, 0)
                    except ChildProcessError:
                        self.returncode = 0
                        break
                    if pid == self.pid:
                        self._handle_status(status)
            return self.returncode
        deadline = time.monotonic() + timeout
        delay = 0.0005
        while self.poll() is None:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutExpired(self.args, timeout)
            time.sleep(min(delay, remaining, 0.05))
            delay *= 2
        return self.returncode

    # -- signals ------------------------------------------------------------------------
    def send_signal(self, sig):
        """Send a signal to the process (nothing if it has already been reaped)."""
        self.poll()
        if self.returncode is not None:
            return
        try:
            os.kill(self.pid, sig)
        except ProcessLookupError:
            pass

    def terminate(self):
        self.send_signal(_SIGTERM)

    def kill(self):
        self.send_signal(_SIGKILL)

    # -- communicate ----------------------------------------------------------------------
    def communicate(self, input=None, timeout=None):
        """Send input to stdin, read stdout and stderr until EOF, wait for the process.
        Return (stdout_data, stderr_data); a stream that is not a pipe gives None."""
        if self._communication is None:
            if input is not None and self.stdin is None:
                raise ValueError("Cannot send input after starting communication")
            self._communication = _Communication(self, input)
        elif input is not None:
            raise ValueError("Cannot send input after starting communication")
        comm = self._communication
        deadline = None if timeout is None else time.monotonic() + timeout
        if not comm.join(deadline):
            raise TimeoutExpired(self.args, timeout, comm.result("stdout"),
                                 comm.result("stderr"))
        try:
            self.wait(timeout=None if deadline is None
                      else max(0.0, deadline - time.monotonic()))
        except TimeoutExpired:
            raise TimeoutExpired(self.args, timeout, comm.result("stdout"),
                                 comm.result("stderr")) from None
        return comm.result("stdout"), comm.result("stderr")

    # -- context manager ------------------------------------------------------------------
    def __enter__(self):
        return self

    def __exit__(self, exc_type, value, traceback):
        for stream in (self.stdout, self.stderr):
            if stream is not None:
                stream.close()
        try:
            if self.stdin is not None:
                self.stdin.close()
        except BrokenPipeError:
            pass
        finally:
            if exc_type is KeyboardInterrupt:
                return
            self.wait()

    def __del__(self):
        # A finished child is reaped by wait() or poll(); nothing to do for one that runs.
        pass

    def __repr__(self):
        return "<%s: returncode: %s args: %r>" % (type(self).__name__, self.returncode,
                                                  self.args)


class _Communication:
    """The state of one communicate(): a thread per pipe, and the data read so far."""

    def __init__(self, proc, input):
        self.proc = proc
        self.chunks = {"stdout": [], "stderr": []}
        self.threads = []
        if proc.stdin is not None:
            self._start(self._feed, proc.stdin, input)
        for name in ("stdout", "stderr"):
            stream = getattr(proc, name)
            if stream is not None:
                self._start(self._drain, stream, name)

    def _start(self, target, *args):
        thread = threading.Thread(target=target, args=args, daemon=True)
        thread.start()
        self.threads.append(thread)

    @staticmethod
    def _feed(stream, data):
        try:
            if data:
                stream.write(data)
        except BrokenPipeError:
            pass
        except ValueError:
            pass          # closed by the caller
        try:
            stream.close()
        except BrokenPipeError:
            pass

    def _drain(self, stream, name):
        chunks = self.chunks[name]
        while True:
            data = stream.read(32768) if not self.proc.text_mode else stream.read(8192)
            if not data:
                break
            chunks.append(data)
        stream.close()

    def join(self, deadline):
        for thread in self.threads:
            if deadline is None:
                thread.join()
            else:
                thread.join(max(0.0, deadline - time.monotonic()))
                if thread.is_alive():
                    return False
        return True

    def result(self, name):
        if getattr(self.proc, name) is None:
            return None
        empty = "" if self.proc.text_mode else b""
        return empty.join(self.chunks[name])


# -- the convenience functions ---------------------------------------------------------------
def run(*popenargs, input=None, capture_output=False, timeout=None, check=False, **kwargs):
    """Run a command, wait for it, and return a CompletedProcess."""
    if input is not None:
        if kwargs.get("stdin") is not None:
            raise ValueError("stdin and input arguments may not both be used.")
        kwargs["stdin"] = PIPE
    if capture_output:
        if kwargs.get("stdout") is not None or kwargs.get("stderr") is not None:
            raise ValueError("stdout and stderr arguments may not be used "
                             "with capture_output.")
        kwargs["stdout"] = PIPE
        kwargs["stderr"] = PIPE
    with Popen(*popenargs, **kwargs) as process:
        try:
            stdout, stderr = process.communicate(input, timeout=timeout)
        except TimeoutExpired as exc:
            process.kill()
            exc.stdout, exc.stderr = process.communicate()
            raise
        except BaseException:
            process.kill()
            raise
        retcode = process.poll()
        if check and retcode:
            raise CalledProcessError(retcode, process.args, output=stdout, stderr=stderr)
    return CompletedProcess(process.args, retcode, stdout, stderr)


def call(*popenargs, timeout=None, **kwargs):
    """Run a command and return its exit status."""
    with Popen(*popenargs, **kwargs) as p:
        try:
            return p.wait(timeout=timeout)
        except BaseException:
            p.kill()
            raise


def check_call(*popenargs, **kwargs):
    """Run a command; raise CalledProcessError if its exit status is not zero."""
    retcode = call(*popenargs, **kwargs)
    if retcode:
        cmd = kwargs.get("args")
        if cmd is None:
            cmd = popenargs[0]
        raise CalledProcessError(retcode, cmd)
    return 0


def check_output(*popenargs, timeout=None, **kwargs):
    """Run a command and return its standard output (CalledProcessError on failure)."""
    for name in ("stdout", "check"):
        if name in kwargs:
            raise ValueError("%s argument not allowed, it will be overridden." % name)
    if "input" in kwargs and kwargs["input"] is None:
        kwargs["input"] = "" if kwargs.get("universal_newlines") or kwargs.get("text") \
            or kwargs.get("encoding") or kwargs.get("errors") else b""
    return run(*popenargs, stdout=PIPE, timeout=timeout, check=True, **kwargs).stdout


def getstatusoutput(cmd, *, encoding=None, errors=None):
    """Return (exitcode, output) of running cmd in a shell; a trailing newline is removed."""
    try:
        data = check_output(cmd, shell=True, text=True, stderr=STDOUT, encoding=encoding,
                            errors=errors)
        exitcode = 0
    except CalledProcessError as ex:
        data = ex.output
        exitcode = ex.returncode
    if data[-1:] == "\n":
        data = data[:-1]
    return exitcode, data


def getoutput(cmd, *, encoding=None, errors=None):
    """Return the output (stdout and stderr) of running cmd in a shell."""
    return getstatusoutput(cmd, encoding=encoding, errors=errors)[1]


def list2cmdline(seq):
    """Join arguments into a command line with the MS C runtime's quoting rules."""
    result = []
    for arg in map(os.fsdecode, seq):
        if result:
            result.append(" ")
        needquote = (" " in arg) or ("\t" in arg) or not arg
        if needquote:
            result.append('"')
        backslashes = 0
        for ch in arg:
            if ch == "\\":
                backslashes += 1
            elif ch == '"':
                result.append("\\" * (backslashes * 2 + 1) + '"')
                backslashes = 0
            else:
                if backslashes:
                    result.append("\\" * backslashes)
                    backslashes = 0
                result.append(ch)
        if backslashes:
            result.append("\\" * (backslashes * (2 if needquote else 1)))
        if needquote:
            result.append('"')
    return "".join(result)
