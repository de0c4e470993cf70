WHERE = 'namespace'
