# cognito-emulator as a small, non-root image.
#   docker build -t cognito-emulator .
#   docker run -p 9329:9329 -v cognito-emulator-data:/data cognito-emulator
# or `docker compose up` (docker-compose.yml). Every flag is also an environment variable (see --help).

# 1. Production dependencies of the emulator only (no dev tools, no client or test packages).
FROM node:20-bookworm-slim AS deps
WORKDIR /app
# A compiler for better-sqlite3 and argon2, used only when no prebuilt binary fits the platform.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
COPY emulator/package.json emulator/
COPY client/package.json client/
COPY contract-tests/package.json contract-tests/
RUN npm ci --omit=dev --workspace emulator --no-audit --no-fund

# 2. Compile the TypeScript (with the dev tools: the root's typescript and type packages).
FROM deps AS build
RUN npm ci --workspace emulator --include-workspace-root --no-audit --no-fund
COPY tsconfig.base.json tsconfig.json ./
COPY emulator/tsconfig.json emulator/
COPY emulator/src emulator/src
RUN npx tsc -b emulator

# 3. The runtime: compiled code, production modules, the console's static files.
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    COGNITO_EMULATOR_HOST=0.0.0.0 \
    COGNITO_EMULATOR_PORT=9329 \
    COGNITO_EMULATOR_DATA=/data/emulator.db
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY emulator/package.json emulator/
COPY emulator/ui emulator/ui
COPY --from=build /app/emulator/dist emulator/dist
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 9329
HEALTHCHECK --interval=5s --timeout=3s --start-period=10s --retries=5 CMD ["node", "emulator/dist/cli.js", "healthcheck"]
ENTRYPOINT ["node", "emulator/dist/cli.js"]
