#!/bin/sh
# The nightly job: `factalign align` once a day at ALIGN_AT (HH:MM, UTC; default 02:00).
# Arguments go to `factalign align` (e.g. `--engine ray`).
# A sleep loop rather than cron: cron wants root and a mailer, this runs as
# the image's user and logs to stdout like the other services.
set -eu
at="${ALIGN_AT:-02:00}"
date -u -d "today ${at}" +%s >/dev/null || { echo "factalign-nightly: ALIGN_AT=${at} is not HH:MM" >&2; exit 2; }
while true; do
    now=$(date -u +%s)
    next=$(date -u -d "today ${at}" +%s)
    if [ "${next}" -le "${now}" ]; then
        next=$(date -u -d "tomorrow ${at}" +%s)
    fi
    echo "factalign-nightly: next align at $(date -u -d "@${next}" '+%Y-%m-%d %H:%M') UTC"
    sleep $((next - now))
    # A failed run is recorded in the store (`factalign jobs`) and resumes the next night.
    factalign align --json "$@" || echo "factalign-nightly: align failed with exit code $?" >&2
done
