import sys

try:
    from .cli import main
except KeyboardInterrupt:  # Ctrl-C while starting up: stop as the command would, without a traceback
    sys.exit(130)

main()
