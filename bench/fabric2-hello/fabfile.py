# The examples/hello fabfile written for Python's Fabric 2, so that `fab --list` and `dotnet fab --list`
# are compared on equivalent task sets.
from fabric import task


@task(default=True)
def hello(c, name="world", times=1, shout=False):
    """Greets someone."""
    for _ in range(int(times)):
        greeting = f"Hello, {name}!"
        print(greeting.upper() if shout else greeting)


@task
def facts(c):
    """Shows facts about this machine with local shell commands."""
    kernel = c.local("uname -sr", hide=True).stdout.strip()
    cores = c.local("nproc", hide=True).stdout.strip()
    print(f"{kernel}, {cores} cores")


@task
def tolerant(c):
    """A command that fails, tolerated by a warn-only block."""
    result = c.local("test -e /no/such/file", warn=True)
    print("the file is missing, and that is fine" if result.failed else "the file exists")


@task
def pause(c, seconds=0.2):
    """Waits a little."""
    import time
    time.sleep(float(seconds))
