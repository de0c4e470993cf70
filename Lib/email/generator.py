"""Turning message objects back into text (Generator) or bytes (BytesGenerator)."""

import random
import sys
import time

from email.policy import compat32

__all__ = ['Generator', 'BytesGenerator']


class Generator:
    """Writes a message as text to a file object.

    Generator(outfp, mangle_from_=None, maxheaderlen=None, *, policy=None): by default
    the settings come from the policy (else the message's, else compat32);
    mangle_from_ and maxheaderlen override the policy's mangle_from_ and
    max_line_length.
    """

    def __init__(self, outfp, mangle_from_=None, maxheaderlen=None, *, policy=None):
        self._fp = outfp
        self._mangle_from_ = mangle_from_
        self._maxheaderlen = maxheaderlen
        self.policy = policy

    def write(self, s):
        """Write s to the output file."""
        self._fp.write(s)

    def clone(self, fp):
        """A generator with the same settings writing to fp."""
        return self.__class__(fp, self._mangle_from_, self._maxheaderlen,
                              policy=self.policy)

    def flatten(self, msg, unixfrom=False, linesep=None):
        """Write msg: its envelope line (with unixfrom; 'From nobody <date>' if it has
        none), headers, a blank line and the body (parts between boundary lines for a
        multipart message).  linesep overrides the policy's line ending."""
        policy = self.policy or getattr(msg, 'policy', None) or compat32
        changes = {}
        if linesep is not None:
            changes['linesep'] = linesep
        if self._maxheaderlen is not None:
            changes['max_line_length'] = self._maxheaderlen
        if self._mangle_from_ is not None:
            changes['mangle_from_'] = self._mangle_from_
        if changes:
            policy = policy.clone(**changes)
        if unixfrom:
            envelope = msg.get_unixfrom() or 'From nobody ' + time.ctime(time.time())
            self._write_text(envelope + policy.linesep)
        self._write_message(msg, policy)

    def _write_message(self, msg, policy):
        if msg.is_multipart() and msg.get_boundary() is None:
            msg.set_boundary('=' * 15 + '%019d' % random.randrange(sys.maxsize) + '==')
        for name, value in msg.items():
            self._write_text(policy.fold(name, value))
        self._write_text(policy.linesep)
        if msg.is_multipart():
            self._write_multipart(msg, policy)
            return
        payload = msg.get_payload()
        if payload is None:
            return
        if not isinstance(payload, str):
            raise TypeError(f'string payload expected: {type(payload)}')
        self._write_body(payload, policy)

    def _write_body(self, text, policy):
        lines = text.splitlines(keepends=True)
        out = []
        for line in lines:
            if policy.mangle_from_ and line.startswith('From '):
                line = '>' + line
            stripped = line.rstrip('\r\n')
            out.append(stripped + (policy.linesep if stripped != line else ''))
        self._write_text(''.join(out))

    def _write_multipart(self, msg, policy):
        boundary = msg.get_boundary()
        linesep = policy.linesep
        if msg.preamble is not None:
            self._write_body(msg.preamble + '\n', policy)
        for part in msg.get_payload():
            self._write_text('--' + boundary + linesep)
            self._write_message(part, policy)
            self._write_text(linesep)
        self._write_text('--' + boundary + '--' + linesep)
        if msg.epilogue is not None:
            self._write_body(msg.epilogue, policy)

    def _write_text(self, text):
        self.write(text)


class BytesGenerator(Generator):
    """A Generator that writes bytes to a binary file.  Bytes that came from a binary
    parse (surrogate-escaped) are written back as they were; other non-ASCII text is
    written as UTF-8 (Braid does not apply RFC 2047 or transfer encodings here)."""

    def _write_text(self, text):
        try:
            data = text.encode('ascii', 'surrogateescape')
        except UnicodeEncodeError:
            data = text.encode('utf-8', 'surrogateescape')
        self._fp.write(data)
