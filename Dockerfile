# Coopnet in a container, built by the same deploy/install.sh as a service
# install. With PostgreSQL beside it: compose.yaml (see "In a container" in
# docs/operations.md). Alone, on SQLite in a volume:
#   docker build -t coopnet .
#   docker run -d -p 127.0.0.1:3000:3000 -v coopnet-data:/var/lib/coopnet \
#     -e PUBLIC_URL=https://red.example.org -e SEED_DEMO=false coopnet
FROM node:20-bookworm-slim

# The program in /srv/coopnet (built, development dependencies pruned), the
# system user coopnet and its data folder /var/lib/coopnet (0700). No
# settings file and no unit: the container's settings come from its
# environment, and the container is the service.
COPY . /tmp/coopnet-src
RUN /tmp/coopnet-src/deploy/install.sh --no-config --no-unit \
  && rm -rf /tmp/coopnet-src /root/.npm /tmp/tsx-*

ENV HOST=0.0.0.0 \
  PORT=3000 \
  DATA_DIR=/var/lib/coopnet
WORKDIR /srv/coopnet
USER coopnet
VOLUME /var/lib/coopnet
EXPOSE 3000

# SIGTERM (docker stop, compose down) lets serve finish the requests in flight,
# close the database and exit 0; give it the time (docker stop -t 30,
# stop_grace_period in compose.yaml).
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/api/health/ready`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "server/bin/coopnet.js", "serve"]
