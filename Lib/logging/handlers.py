"""Additional handlers for the logging package (CPython 3.13 behaviour).

Provides rotating and timed-rotating file handlers, buffering and memory
handlers, and the QueueHandler/QueueListener pair.  Every handler serialises
emit() with its own lock (taken by Handler.handle); QueueListener's thread
only touches the handlers it was given, through their handle() method.
"""

import io
import os
import time
import copy
import queue
import threading

import logging

_MIDNIGHT = 24 * 60 * 60  # seconds in a day

# Standard ports, kept for compatibility although the socket-based handlers
# are not provided (Braid has no socket module yet).
DEFAULT_TCP_LOGGING_PORT = 9020
DEFAULT_UDP_LOGGING_PORT = 9021
DEFAULT_HTTP_LOGGING_PORT = 9022
DEFAULT_SOAP_LOGGING_PORT = 9023
SYSLOG_UDP_PORT = 514
SYSLOG_TCP_PORT = 514


class BaseRotatingHandler(logging.FileHandler):
    """A FileHandler that may roll the file over before each emit.

    Subclasses define shouldRollover() and doRollover().
    """

    namer = None
    rotator = None

    def __init__(self, filename, mode, encoding=None, delay=False, errors=None):
        logging.FileHandler.__init__(self, filename, mode=mode, encoding=encoding,
                                     delay=delay, errors=errors)
        self.mode = mode
        self.encoding = encoding
        self.errors = errors

    def emit(self, record):
        """Roll over if needed, then write the record."""
        try:
            if self.shouldRollover(record):
                self.doRollover()
            logging.FileHandler.emit(self, record)
        except Exception:
            self.handleError(record)

    def rotation_filename(self, default_name):
        """Return the rotated file's name: namer(default_name) if set."""
        if not callable(self.namer):
            return default_name
        return self.namer(default_name)

    def rotate(self, source, dest):
        """Move source to dest, or call rotator(source, dest) if set."""
        if not callable(self.rotator):
            if os.path.exists(source):
                os.rename(source, dest)
        else:
            self.rotator(source, dest)


class RotatingFileHandler(BaseRotatingHandler):
    """Roll over when the file would exceed maxBytes, keeping backupCount files.

    Backups are named base.1 (newest) to base.<backupCount>.
    """

    def __init__(self, filename, mode='a', maxBytes=0, backupCount=0,
                 encoding=None, delay=False, errors=None):
        if maxBytes > 0:
            mode = 'a'
        if "b" not in mode:
            encoding = io.text_encoding(encoding)
        BaseRotatingHandler.__init__(self, filename, mode, encoding=encoding,
                                     delay=delay, errors=errors)
        self.maxBytes = maxBytes
        self.backupCount = backupCount

    def doRollover(self):
        """Shift base.N to base.N+1, move the current file to base.1, reopen."""
        if self.stream:
            self.stream.close()
            self.stream = None
        if self.backupCount > 0:
            for i in range(self.backupCount - 1, 0, -1):
                sfn = self.rotation_filename("%s.%d" % (self.baseFilename, i))
                dfn = self.rotation_filename("%s.%d" % (self.baseFilename, i + 1))
                if os.path.exists(sfn):
                    if os.path.exists(dfn):
                        os.remove(dfn)
                    os.rename(sfn, dfn)
            dfn = self.rotation_filename(self.baseFilename + ".1")
            if os.path.exists(dfn):
                os.remove(dfn)
            self.rotate(self.baseFilename, dfn)
        if not self.delay:
            self.stream = self._open()

    def shouldRollover(self, record):
        """Return whether writing record would take the file past maxBytes."""
        if self.stream is None:
            self.stream = self._open()
        if self.maxBytes > 0:
            pos = self.stream.tell()
            if not pos:
                # An empty file never rolls over, however long the record.
                return False
            msg = "%s\n" % self.format(record)
            if pos + len(msg) >= self.maxBytes:
                # Special files (e.g. /dev/null) are never rotated.
                if os.path.exists(self.baseFilename) and not os.path.isfile(
                        self.baseFilename):
                    return False
                return True
        return False


class TimedRotatingFileHandler(BaseRotatingHandler):
    """Roll over at fixed intervals: 'S', 'M', 'H', 'D', 'midnight', 'W0'-'W6'.

    Rotated files get a date/time suffix; at most backupCount are kept.
    """

    def __init__(self, filename, when='h', interval=1, backupCount=0,
                 encoding=None, delay=False, utc=False, atTime=None, errors=None):
        encoding = io.text_encoding(encoding)
        BaseRotatingHandler.__init__(self, filename, 'a', encoding=encoding,
                                     delay=delay, errors=errors)
        self.when = when.upper()
        self.backupCount = backupCount
        self.utc = utc
        self.atTime = atTime
        if self.when == 'S':
            self.interval = 1
            self.suffix = "%Y-%m-%d_%H-%M-%S"
        elif self.when == 'M':
            self.interval = 60
            self.suffix = "%Y-%m-%d_%H-%M"
        elif self.when == 'H':
            self.interval = 60 * 60
            self.suffix = "%Y-%m-%d_%H"
        elif self.when == 'D' or self.when == 'MIDNIGHT':
            self.interval = _MIDNIGHT
            self.suffix = "%Y-%m-%d"
        elif self.when.startswith('W'):
            self.interval = _MIDNIGHT * 7
            if len(self.when) != 2:
                raise ValueError("You must specify a day for weekly rollover from 0 "
                                 "to 6 (0 is Monday): %s" % self.when)
            if self.when[1] < '0' or self.when[1] > '6':
                raise ValueError("Invalid day specified for weekly rollover: %s"
                                 % self.when)
            self.dayOfWeek = int(self.when[1])
            self.suffix = "%Y-%m-%d"
        else:
            raise ValueError("Invalid rollover interval specified: %s" % self.when)
        self.interval = self.interval * interval
        filename = self.baseFilename
        if os.path.exists(filename):
            t = int(os.stat(filename).st_mtime)
        else:
            t = int(time.time())
        self.rolloverAt = self.computeRollover(t)

    def _time_tuple(self, t):
        return time.gmtime(t) if self.utc else time.localtime(t)

    def computeRollover(self, currentTime):
        """Return the time of the next rollover after currentTime."""
        result = currentTime + self.interval
        if self.when == 'MIDNIGHT' or self.when.startswith('W'):
            t = self._time_tuple(currentTime)
            current = t[3] * 3600 + t[4] * 60 + t[5]
            if self.atTime is None:
                # The midnight that ends the current day.
                rotate_at = _MIDNIGHT
            else:
                rotate_at = (self.atTime.hour * 3600 + self.atTime.minute * 60
                             + self.atTime.second)
            r = rotate_at - current
            day = t[6]
            if r <= 0:
                # Today's rotation time has passed: the next one is tomorrow.
                r += _MIDNIGHT
                day = (day + 1) % 7
            result = currentTime + r
            if self.when.startswith('W'):
                result += ((self.dayOfWeek - day) % 7) * _MIDNIGHT
            result += (self.interval - _MIDNIGHT * (7 if self.when.startswith('W')
                                                    else 1))
        return result

    def shouldRollover(self, record):
        """Return whether the rollover time has been reached."""
        t = int(time.time())
        if t >= self.rolloverAt:
            if os.path.exists(self.baseFilename) and not os.path.isfile(
                    self.baseFilename):
                # Special files are never rotated; just move the deadline on.
                self.rolloverAt = self.computeRollover(t)
                return False
            return True
        return False

    def getFilesToDelete(self):
        """Return the oldest rotated files beyond backupCount."""
        dir_name, base_name = os.path.split(self.baseFilename)
        prefix = base_name + "."
        result = []
        for name in os.listdir(dir_name):
            if name.startswith(prefix) and self._is_date_suffix(name[len(prefix):]):
                result.append(os.path.join(dir_name, name))
        if len(result) < self.backupCount:
            return []
        result.sort()
        return result[:len(result) - self.backupCount]

    def _is_date_suffix(self, text):
        """Return whether text has the shape of self.suffix's output."""
        sample = time.strftime(self.suffix, time.gmtime(0))
        if len(text) != len(sample):
            return False
        for got, want in zip(text, sample):
            if want.isdigit() != got.isdigit():
                return False
            if not want.isdigit() and got != want:
                return False
        return True

    def doRollover(self):
        """Rename the file with the time suffix of the period just ended."""
        if self.stream:
            self.stream.close()
            self.stream = None
        current_time = int(time.time())
        t = self.rolloverAt - self.interval
        time_tuple = self._time_tuple(t)
        dfn = self.rotation_filename(self.baseFilename + "." +
                                     time.strftime(self.suffix, time_tuple))
        if os.path.exists(dfn):
            os.remove(dfn)
        self.rotate(self.baseFilename, dfn)
        if self.backupCount > 0:
            for s in self.getFilesToDelete():
                os.remove(s)
        if not self.delay:
            self.stream = self._open()
        new_rollover = self.computeRollover(current_time)
        while new_rollover <= current_time:
            new_rollover = new_rollover + self.interval
        self.rolloverAt = new_rollover


class WatchedFileHandler(logging.FileHandler):
    """A FileHandler that reopens its file if it was moved or deleted.

    Before each emit the path is stat'ed; a different device/inode (or a
    missing file) means someone rotated it, so the stream is reopened.
    """

    def __init__(self, filename, mode='a', encoding=None, delay=False, errors=None):
        if "b" not in mode:
            encoding = io.text_encoding(encoding)
        logging.FileHandler.__init__(self, filename, mode=mode, encoding=encoding,
                                     delay=delay, errors=errors)
        self.dev, self.ino = -1, -1
        self._statstream()

    def _statstream(self):
        if self.stream is None:
            return
        sres = os.fstat(self.stream.fileno())
        self.dev = sres.st_dev
        self.ino = sres.st_ino

    def reopenIfNeeded(self):
        """Reopen the file if the path no longer names the open file."""
        if self.stream is None:
            return
        try:
            sres = os.stat(self.baseFilename)
        except FileNotFoundError:
            sres = None
        if not sres or sres.st_dev != self.dev or sres.st_ino != self.ino:
            self.stream.flush()
            self.stream.close()
            self.stream = None
            self.stream = self._open()
            self._statstream()

    def emit(self, record):
        self.reopenIfNeeded()
        logging.FileHandler.emit(self, record)


class BufferingHandler(logging.Handler):
    """Keep records in a list; flush() when shouldFlush() says so."""

    def __init__(self, capacity):
        logging.Handler.__init__(self)
        self.capacity = capacity
        self.buffer = []

    def shouldFlush(self, record):
        """Return whether the buffer is full."""
        return len(self.buffer) >= self.capacity

    def emit(self, record):
        self.buffer.append(record)
        if self.shouldFlush(record):
            self.flush()

    def flush(self):
        """Discard the buffered records (subclasses send them somewhere)."""
        with self.lock:
            self.buffer.clear()

    def close(self):
        try:
            self.flush()
        finally:
            logging.Handler.close(self)


class MemoryHandler(BufferingHandler):
    """Buffer records and pass them to target when full or at flushLevel."""

    def __init__(self, capacity, flushLevel=logging.ERROR, target=None,
                 flushOnClose=True):
        BufferingHandler.__init__(self, capacity)
        self.flushLevel = flushLevel
        self.target = target
        self.flushOnClose = flushOnClose

    def shouldFlush(self, record):
        return (len(self.buffer) >= self.capacity) or (
            record.levelno >= self.flushLevel)

    def setTarget(self, target):
        with self.lock:
            self.target = target

    def flush(self):
        """Send the buffered records to the target (if any) and clear."""
        with self.lock:
            if self.target:
                for record in self.buffer:
                    self.target.handle(record)
                self.buffer.clear()

    def close(self):
        try:
            if self.flushOnClose:
                self.flush()
        finally:
            with self.lock:
                self.target = None
                BufferingHandler.close(self)


class QueueHandler(logging.Handler):
    """Put prepared records on a queue, for a QueueListener to handle."""

    def __init__(self, queue):
        logging.Handler.__init__(self)
        self.queue = queue
        self.listener = None

    def enqueue(self, record):
        self.queue.put_nowait(record)

    def prepare(self, record):
        """Return a copy of record with the message merged and exc info dropped.

        The result carries only picklable, already-formatted data.
        """
        msg = self.format(record)
        record = copy.copy(record)
        record.message = msg
        record.msg = msg
        record.args = None
        record.exc_info = None
        record.exc_text = None
        record.stack_info = None
        return record

    def emit(self, record):
        try:
            self.enqueue(self.prepare(record))
        except Exception:
            self.handleError(record)


class QueueListener(object):
    """Take records off a queue in a thread and pass them to handlers."""

    _sentinel = None

    def __init__(self, queue, *handlers, respect_handler_level=False):
        self.queue = queue
        self.handlers = handlers
        self._thread = None
        self.respect_handler_level = respect_handler_level

    def dequeue(self, block):
        return self.queue.get(block)

    def start(self):
        """Start the background thread."""
        self._thread = t = threading.Thread(target=self._monitor)
        t.daemon = True
        t.start()

    def prepare(self, record):
        return record

    def handle(self, record):
        """Pass record to each handler (honouring levels if asked)."""
        record = self.prepare(record)
        for handler in self.handlers:
            if not self.respect_handler_level:
                process = True
            else:
                process = record.levelno >= handler.level
            if process:
                handler.handle(record)

    def _monitor(self):
        q = self.queue
        has_task_done = hasattr(q, 'task_done')
        while True:
            try:
                record = self.dequeue(True)
                if record is self._sentinel:
                    if has_task_done:
                        q.task_done()
                    break
                self.handle(record)
                if has_task_done:
                    q.task_done()
            except queue.Empty:
                break

    def enqueue_sentinel(self):
        self.queue.put_nowait(self._sentinel)

    def stop(self):
        """Ask the thread to finish the queued records and wait for it."""
        if self._thread:
            self.enqueue_sentinel()
            self._thread.join()
            self._thread = None
