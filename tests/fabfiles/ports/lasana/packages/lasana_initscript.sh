#!/bin/sh
# Starts and stops a lasaña node (its FastCGI server), as the lasana account.
case "$1" in
  start) echo "Starting lasana node" ;;
  stop) echo "Stopping lasana node" ;;
  *) echo "Usage: $0 {start|stop}"; exit 1 ;;
esac
