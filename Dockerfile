# One image for every process of the supergraph; docker-compose.yml picks the entry point.
FROM node:20-slim
WORKDIR /app
COPY package.json package-lock.json ./
COPY prisma ./prisma
COPY prisma.config.ts ./
RUN npm ci --no-audit --no-fund
COPY . .
# The admin dashboard the gateway serves at /admin/.
RUN npm run build:admin
ENV NODE_ENV=production
USER node
