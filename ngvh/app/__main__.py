"""`python -m ngvh.app …`: the same as the `ngvh` command (e.g. `python -m ngvh.app serve`)."""
from ngvh.app.cli import app

if __name__ == "__main__":
    app(prog_name="ngvh")
