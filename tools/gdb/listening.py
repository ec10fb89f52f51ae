#!/usr/bin/env python3
"""tools/gdb/listening.py PORT: exits 0 when something listens on TCP PORT
(QEMU's GDB stub, started by make qemu-gdb), 1 otherwise.

It tries to bind the port rather than connect to it: a connection, even one
closed at once, is a GDB session to QEMU's stub, and binding disturbs
nothing. SO_REUSEADDR lets the bind succeed over old closed connections, so
only a listener makes it fail."""
import socket
import sys


def main():
    port = int(sys.argv[1])
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        s.bind(("", port))
    except OSError:
        sys.exit(0)
    finally:
        s.close()
    sys.exit(1)


if __name__ == "__main__":
    main()
