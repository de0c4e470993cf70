from .sibling import X as SIB
from . import sibling as sibling_mod
NAME = __name__
PACKAGE = __package__
