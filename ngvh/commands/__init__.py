"""The `ngvh` commands, one module per group (store, answers, tasks, serving); ngvh.cli registers them."""
