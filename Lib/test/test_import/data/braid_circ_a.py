from braid_circ_b import B
A = 1
