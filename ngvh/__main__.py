"""`python -m ngvh …`: the same as the `ngvh` command (e.g. `python -m ngvh serve`)."""
from ngvh.cli import app

if __name__ == "__main__":
    app(prog_name="ngvh")
