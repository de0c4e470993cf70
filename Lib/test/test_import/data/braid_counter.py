import sys
LOADS = getattr(sys, '_braid_counter_loads', 0) + 1
sys._braid_counter_loads = LOADS
