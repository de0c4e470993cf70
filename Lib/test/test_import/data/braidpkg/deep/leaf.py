from .. import sibling
