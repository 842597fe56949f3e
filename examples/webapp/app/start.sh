#!/bin/sh
# Starts the application (here: reports where it would serve from).
cd "$(dirname "$0")" && echo "webapp $(cat VERSION 2>/dev/null) serving $(pwd)/public"
