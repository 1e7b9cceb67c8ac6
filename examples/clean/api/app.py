"""Shop API: catalogue, carts and checkout.

Configuration comes from the environment only (see ../.env.example). Carts live in Redis,
orders in Postgres; slow work goes to the worker through a Redis queue.
"""
import json
import os
import uuid

import psycopg
import redis
from flask import Flask, abort, jsonify, request, session
from psycopg.rows import dict_row

CART_TTL_SECONDS = 7 * 24 * 3600
CONFIRMATION_QUEUE = "jobs:order-confirmation"

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
app.config["SESSION_COOKIE_SECURE"] = True

DATABASE_URL = os.environ["DATABASE_URL"]
redis_client = redis.Redis.from_url(os.environ["REDIS_URL"], decode_responses=True)


def db():
    return psycopg.connect(DATABASE_URL, row_factory=dict_row)


def cart_key():
    if "cart_id" not in session:
        session["cart_id"] = uuid.uuid4().hex
    return f"cart:{session['cart_id']}"


def read_cart(key):
    return {sku: int(qty) for sku, qty in redis_client.hgetall(key).items()}


@app.get("/healthz")
def healthz():
    redis_client.ping()
    return {"status": "ok"}


@app.get("/products")
def list_products():
    cached = redis_client.get("products:v1")
    if cached:
        return app.response_class(cached, mimetype="application/json")
    with db() as conn:
        rows = conn.execute("SELECT sku, name, price_cents FROM products ORDER BY name").fetchall()
    body = json.dumps(rows)
    redis_client.set("products:v1", body, ex=300)
    return app.response_class(body, mimetype="application/json")


@app.get("/cart")
def get_cart():
    return jsonify(items=read_cart(cart_key()))


@app.post("/cart/items")
def add_to_cart():
    data = request.get_json()
    key = cart_key()
    redis_client.hincrby(key, data["sku"], int(data.get("qty", 1)))
    redis_client.expire(key, CART_TTL_SECONDS)
    return jsonify(items=read_cart(key)), 201


@app.post("/checkout")
def checkout():
    key = cart_key()
    items = read_cart(key)
    if not items:
        abort(400, "cart is empty")
    with db() as conn:
        prices = conn.execute(
            "SELECT sku, price_cents FROM products WHERE sku = ANY(%s)", (list(items),)
        ).fetchall()
        total = sum(p["price_cents"] * items[p["sku"]] for p in prices)
        order = conn.execute(
            "INSERT INTO orders (total_cents) VALUES (%s) RETURNING id", (total,)
        ).fetchone()
    redis_client.delete(key)
    redis_client.rpush(CONFIRMATION_QUEUE, json.dumps({"order_id": order["id"]}))
    return jsonify(order_id=order["id"], total_cents=total), 201
