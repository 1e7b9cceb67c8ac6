const express = require('express');
const session = require('express-session');
const multer = require('multer');
const https = require('https');

const API_URL = process.env.API_URL || 'http://localhost:5000';
const apiKey = '72d5e6501a70db6f47aa6025fbffc1dd';
const shippingAgent = new https.Agent({ keepAlive: true, rejectUnauthorized: false });

const app = express();
const upload = multer({ dest: 'uploads/' });
const carts = new Map();

app.use(express.json());
app.use(session({
  secret: 'shop-web-session-secret-2023',
  resave: false,
  saveUninitialized: true,
  cookie: { maxAge: 7 * 24 * 60 * 60 * 1000 },
}));

app.post('/login', async (req, res) => {
  const resp = await fetch(`${API_URL}/api/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(req.body),
  });
  if (!resp.ok) return res.status(401).json({ error: 'invalid email or password' });
  req.session.apiToken = (await resp.json()).token;
  res.json({ ok: true });
});

app.get('/cart', (req, res) => {
  res.json(carts.get(req.sessionID) || { items: [] });
});

app.post('/cart/items', (req, res) => {
  const cart = carts.get(req.sessionID) || { items: [], email: req.body.email };
  cart.items.push({ sku: req.body.sku, qty: Number(req.body.qty) || 1 });
  cart.updatedAt = Date.now();
  carts.set(req.sessionID, cart);
  res.status(201).json(cart);
});

app.get('/shipping/quote', (req, res) => {
  const cart = carts.get(req.sessionID) || { items: [] };
  const quote = https.request({
    host: 'api.shipfast.example',
    path: '/v2/quotes',
    method: 'POST',
    agent: shippingAgent,
    headers: { 'Content-Type': 'application/json', 'X-Api-Key': apiKey },
  }, (quoteRes) => quoteRes.pipe(res.type('json')));
  quote.on('error', () => res.status(502).json({ error: 'shipping quotes unavailable' }));
  quote.end(JSON.stringify({ postcode: req.query.postcode, items: cart.items }));
});

app.post('/checkout', async (req, res) => {
  const cart = carts.get(req.sessionID);
  if (!cart || cart.items.length === 0) return res.status(400).json({ error: 'cart is empty' });
  const resp = await fetch(`${API_URL}/api/checkout`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Authorization: `Bearer ${req.session.apiToken}`,
    },
    body: JSON.stringify({ items: cart.items, payment_method: req.body.paymentMethod }),
  });
  if (resp.ok) carts.delete(req.sessionID);
  res.status(resp.status).json(await resp.json());
});

app.post('/returns', upload.single('photo'), (req, res) => {
  // finance picks the photos up from the uploads folder once a day
  res.status(201).json({ reference: req.file.filename, reason: req.body.reason });
});

// Nudge customers who left something in their cart for more than a day.
setInterval(async () => {
  const cutoff = Date.now() - 24 * 60 * 60 * 1000;
  for (const [id, cart] of carts) {
    if (cart.updatedAt > cutoff || !cart.email) continue;
    await fetch(`${API_URL}/api/notifications/abandoned-cart`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: cart.email, items: cart.items }),
    });
    carts.delete(id);
  }
}, 60 * 60 * 1000);

app.listen(3000, 'localhost', () => {
  console.log('shop-web listening on http://localhost:3000');
});
