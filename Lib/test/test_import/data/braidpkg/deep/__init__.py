from ..sibling import X
from .. import VALUE
