# One image for every Serendip process: the API (default command) and the web app
# (`node apps/web/build`). Built from the repository root: `docker compose build`.
FROM node:20-bookworm-slim

ENV CI=true
WORKDIR /app

# The pinned pnpm, read from package.json's packageManager field ("pnpm@x.y.z").
COPY package.json ./
RUN npm install -g "$(node -p "require('./package.json').packageManager")" && npm cache clean --force

# Dependencies first, from the lockfile alone, so this layer survives source changes.
COPY pnpm-lock.yaml pnpm-workspace.yaml ./
RUN pnpm fetch

COPY . .
RUN pnpm install --frozen-lockfile --offline \
 && pnpm --filter @serendip/web build

ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000
USER node
EXPOSE 3000
CMD ["pnpm", "--filter", "@serendip/api", "start"]
