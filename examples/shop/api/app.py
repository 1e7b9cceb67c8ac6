import json
import os
import secrets
from datetime import datetime

import pika
import redis
import requests
import stripe
from apscheduler.schedulers.background import BackgroundScheduler
from flask import Flask, abort, jsonify, request
from flask_caching import Cache
from flask_sqlalchemy import SQLAlchemy
from werkzeug.security import check_password_hash

app = Flask(__name__)
app.config["SECRET_KEY"] = "4daf02224aba1f8c80109940dbd0d612"
app.config["UPLOAD_FOLDER"] = "uploads"

if os.environ.get("APP_ENV") == "production":
    app.config["SQLALCHEMY_DATABASE_URI"] = "postgresql://shop:v32WUMNMrarT0B@postgres:5432/shop"
else:
    app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite:///shop-dev.db"

db = SQLAlchemy(app)
cache = Cache(app, config={"CACHE_TYPE": "SimpleCache"})
limiter = redis.Redis.from_url("redis://cache.shop.internal:6379/0")
stripe.api_key = "sk_live_Xam704IYkYRdg0IO3yURgswV"

INVENTORY_API = "https://inventory.shop.internal/api/v2"
INVENTORY_TOKEN = os.environ.get("INVENTORY_API_TOKEN", "")

# bearer token -> customer id
user_sessions = {}


class Customer(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    email = db.Column(db.String(255), unique=True, nullable=False)
    password_hash = db.Column(db.String(255), nullable=False)


class Product(db.Model):
    sku = db.Column(db.String(32), primary_key=True)
    name = db.Column(db.String(200), nullable=False)
    price_cents = db.Column(db.Integer, nullable=False)
    stock = db.Column(db.Integer, default=0)


class Order(db.Model):
    __tablename__ = "orders"
    id = db.Column(db.Integer, primary_key=True)
    customer_id = db.Column(db.Integer, db.ForeignKey("customer.id"), nullable=False)
    total_cents = db.Column(db.Integer, nullable=False)
    created_at = db.Column(db.DateTime, default=datetime.utcnow)


def publish_order_created(order):
    connection = pika.BlockingConnection(pika.URLParameters(os.environ["RABBITMQ_URL"]))
    channel = connection.channel()
    channel.queue_declare(queue="orders", durable=True)
    body = json.dumps({"order_id": order.id, "customer_id": order.customer_id})
    channel.basic_publish(exchange="", routing_key="orders", body=body)
    connection.close()


def sync_inventory():
    headers = {"X-Api-Token": INVENTORY_TOKEN}
    resp = requests.get(f"{INVENTORY_API}/stock", headers=headers, verify=False, timeout=10)
    with app.app_context():
        for item in resp.json()["items"]:
            Product.query.filter_by(sku=item["sku"]).update({"stock": item["available"]})
        db.session.commit()


@app.post("/api/login")
def login():
    data = request.get_json()
    if limiter.incr(f"login-attempts:{data['email']}") > 10:
        abort(429)
    customer = Customer.query.filter_by(email=data["email"]).first()
    if customer is None or not check_password_hash(customer.password_hash, data["password"]):
        abort(401)
    token = secrets.token_urlsafe(32)
    user_sessions[token] = customer.id
    return jsonify(token=token)


@app.get("/api/products")
@cache.cached(timeout=300)
def list_products():
    products = Product.query.order_by(Product.name).all()
    return jsonify([{"sku": p.sku, "name": p.name, "price_cents": p.price_cents} for p in products])


@app.post("/api/products/<sku>/image")
def upload_image(sku):
    image = request.files["image"]
    image.save(os.path.join(app.config["UPLOAD_FOLDER"], f"{sku}.jpg"))
    return "", 201


@app.post("/api/checkout")
def checkout():
    token = request.headers.get("Authorization", "").removeprefix("Bearer ")
    customer_id = user_sessions.get(token) or abort(401)
    data = request.get_json()
    total = sum(db.session.get(Product, i["sku"]).price_cents * i["qty"] for i in data["items"])
    stripe.PaymentIntent.create(amount=total, currency="eur", payment_method=data["payment_method"])
    order = Order(customer_id=customer_id, total_cents=total)
    db.session.add(order)
    db.session.commit()
    publish_order_created(order)
    return jsonify(order_id=order.id), 201


scheduler = BackgroundScheduler(daemon=True)
scheduler.add_job(sync_inventory, "interval", minutes=5)
scheduler.start()

if __name__ == "__main__":
    app.run(host="127.0.0.1", port=5000, debug=True)
