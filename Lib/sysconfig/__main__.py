"""``python -m sysconfig``: print the platform, the paths and the configuration variables."""

from sysconfig import _main

if __name__ == '__main__':
    _main()
