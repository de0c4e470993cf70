VALUE = 'pkg'
from . import sibling
