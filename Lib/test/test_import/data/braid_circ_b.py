from braid_circ_a import A
B = 2
