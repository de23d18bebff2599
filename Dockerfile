# The playground's engine as a batch image for sharded sweeps (docs/scale.md): Node 20, the project, and Debian's
# Chromium for `--browser` runs on GPU nodes. Build: docker build -t pruning-fairness-playground .
FROM node:20-bookworm-slim

RUN apt-get update \
 && apt-get install -y --no-install-recommends chromium fonts-dejavu-core \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /app
# Dependencies first, so a code change does not reinstall them; postinstall builds the data assets from scripts/.
COPY package.json package-lock.json ./
COPY scripts ./scripts
RUN npm ci --no-audit --no-fund
COPY . .

# Runs as any npm script: `docker run IMAGE experiment -- --preset start-here --out /results/x`.
ENTRYPOINT ["npm", "run", "--silent"]
CMD ["experiment", "--", "--help"]
