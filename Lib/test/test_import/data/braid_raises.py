raise ValueError("module failed")
