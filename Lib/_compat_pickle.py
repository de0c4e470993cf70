"""Name translations between Python 2 and Python 3 for pickle's fix_imports option.

Pickles written with protocol 0, 1 or 2 use Python 2 module and global names so that
Python 2 can read them; loading such pickles maps the names back.  The tables below cover
the builtins, the exceptions module and a few renamed standard modules.
"""

IMPORT_MAPPING = {
    '__builtin__': 'builtins',
    'copy_reg': 'copyreg',
    'Queue': 'queue',
    'cPickle': 'pickle',
    'cStringIO': 'io',
    'StringIO': 'io',
    'UserDict': 'collections',
    'UserList': 'collections',
    'UserString': 'collections',
    'exceptions': 'builtins',
    'thread': '_thread',
    'repr': 'reprlib',
    'ConfigParser': 'configparser',
    'SocketServer': 'socketserver',
    'httplib': 'http.client',
    'urlparse': 'urllib.parse',
}

NAME_MAPPING = {
    ('__builtin__', 'xrange'): ('builtins', 'range'),
    ('__builtin__', 'unicode'): ('builtins', 'str'),
    ('__builtin__', 'long'): ('builtins', 'int'),
    ('__builtin__', 'basestring'): ('builtins', 'str'),
    ('__builtin__', 'unichr'): ('builtins', 'chr'),
    ('__builtin__', 'raw_input'): ('builtins', 'input'),
    ('__builtin__', 'intern'): ('sys', 'intern'),
    ('__builtin__', 'reduce'): ('functools', 'reduce'),
    ('itertools', 'izip'): ('builtins', 'zip'),
    ('itertools', 'imap'): ('builtins', 'map'),
    ('itertools', 'ifilter'): ('builtins', 'filter'),
    ('itertools', 'ifilterfalse'): ('itertools', 'filterfalse'),
    ('itertools', 'izip_longest'): ('itertools', 'zip_longest'),
    ('UserDict', 'IterableUserDict'): ('collections', 'UserDict'),
    ('exceptions', 'StandardError'): ('builtins', 'Exception'),
}

_PY2_EXCEPTIONS = (
    'ArithmeticError', 'AssertionError', 'AttributeError', 'BaseException',
    'BufferError', 'BytesWarning', 'DeprecationWarning', 'EOFError',
    'EnvironmentError', 'Exception', 'FloatingPointError', 'FutureWarning',
    'GeneratorExit', 'IOError', 'ImportError', 'ImportWarning',
    'IndentationError', 'IndexError', 'KeyError', 'KeyboardInterrupt',
    'LookupError', 'MemoryError', 'NameError', 'NotImplementedError',
    'OSError', 'OverflowError', 'PendingDeprecationWarning', 'ReferenceError',
    'RuntimeError', 'RuntimeWarning', 'StopIteration', 'SyntaxError',
    'SyntaxWarning', 'SystemError', 'SystemExit', 'TabError', 'TypeError',
    'UnboundLocalError', 'UnicodeDecodeError', 'UnicodeEncodeError',
    'UnicodeError', 'UnicodeTranslateError', 'UnicodeWarning', 'UserWarning',
    'ValueError', 'Warning', 'ZeroDivisionError',
)

for _name in _PY2_EXCEPTIONS:
    NAME_MAPPING[('exceptions', _name)] = ('builtins', _name)
del _name

# The reverse tables are used when writing: they must be one-to-one.
REVERSE_IMPORT_MAPPING = {
    'builtins': '__builtin__',
    'copyreg': 'copy_reg',
    'queue': 'Queue',
    '_thread': 'thread',
    'reprlib': 'repr',
    'configparser': 'ConfigParser',
    'socketserver': 'SocketServer',
    'http.client': 'httplib',
    'urllib.parse': 'urlparse',
}

REVERSE_NAME_MAPPING = {}
for _key, _value in NAME_MAPPING.items():
    if _key[1] in ('basestring', 'StandardError', 'IterableUserDict'):
        continue
    REVERSE_NAME_MAPPING[_value] = _key
del _key, _value
