const amqp = require('amqplib');
const nodemailer = require('nodemailer');
const { Pool } = require('pg');

const pool = new Pool({ connectionString: process.env.DATABASE_URL });
const mailer = nodemailer.createTransport(process.env.SMTP_URL);

async function sendConfirmation(orderId) {
  const { rows } = await pool.query(
    `SELECT o.id, o.total_cents, c.email
       FROM orders o JOIN customer c ON c.id = o.customer_id
      WHERE o.id = $1`,
    [orderId],
  );
  if (rows.length === 0) return;
  const order = rows[0];
  await mailer.sendMail({
    from: 'Shop <orders@shop.example>',
    to: order.email,
    subject: `Your order #${order.id}`,
    text: `Thanks for your order! Total: €${(order.total_cents / 100).toFixed(2)}`,
  });
}

async function main() {
  const connection = await amqp.connect(process.env.RABBITMQ_URL);
  const channel = await connection.createChannel();
  await channel.assertQueue('orders', { durable: true });
  channel.prefetch(10);
  channel.consume('orders', async (msg) => {
    const { order_id: orderId } = JSON.parse(msg.content.toString());
    await sendConfirmation(orderId);
    channel.ack(msg);
  });
  console.log('worker waiting for order events');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
