// Storefront backend. Every setting comes from the environment (see ../.env.example);
// sessions and carts live in Redis, so any replica can serve any request.
import express from 'express';
import session from 'express-session';
import { RedisStore } from 'connect-redis';
import { createClient } from 'redis';

const redis = createClient({ url: process.env.REDIS_URL });
redis.on('error', (err) => console.error('redis:', err.message));

const app = express();
app.set('trust proxy', 1);
app.use(express.json());
app.use(
  session({
    store: new RedisStore({ client: redis, prefix: 'sess:' }),
    secret: process.env.SESSION_SECRET,
    resave: false,
    saveUninitialized: false,
    cookie: { secure: 'auto', httpOnly: true, maxAge: 7 * 24 * 3600 * 1000 },
  }),
);

app.get('/healthz', (req, res) => {
  res.json({ status: redis.isReady ? 'ok' : 'starting' });
});

app.get('/products', async (req, res) => {
  const upstream = await fetch(`${process.env.API_URL}/products`);
  res.status(upstream.status).json(await upstream.json());
});

app.get('/cart', (req, res) => {
  res.json({ items: req.session.cart ?? [] });
});

app.post('/cart/items', (req, res) => {
  const items = req.session.cart ?? [];
  items.push({ sku: String(req.body.sku), qty: Number(req.body.qty) || 1 });
  req.session.cart = items;
  res.status(201).json({ items });
});

await redis.connect();
const server = app.listen(Number(process.env.PORT ?? 3000), () => {
  console.log(`shop-web listening on :${server.address().port}`);
});

process.on('SIGTERM', () => {
  console.log('SIGTERM: closing the server, finishing in-flight requests');
  server.close(async () => {
    await redis.close();
    process.exit(0);
  });
});
