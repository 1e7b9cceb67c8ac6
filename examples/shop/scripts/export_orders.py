"""Nightly export of yesterday's orders to S3 as CSV, for the finance team.

Runs from cron on the ops box: python scripts/export_orders.py
"""
import csv
import io
import os
from datetime import date, timedelta

import boto3
import psycopg2


def main():
    day = date.today() - timedelta(days=1)
    conn = psycopg2.connect(os.environ["DATABASE_URL"])
    with conn, conn.cursor() as cur:
        cur.execute(
            "SELECT id, customer_id, total_cents, created_at FROM orders"
            " WHERE created_at::date = %s ORDER BY id",
            (day,),
        )
        rows = cur.fetchall()

    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["order_id", "customer_id", "total_cents", "created_at"])
    writer.writerows(rows)

    s3 = boto3.client("s3")
    key = f"orders/{day.isoformat()}.csv"
    s3.put_object(Bucket=os.environ["S3_BUCKET"], Key=key, Body=out.getvalue().encode())
    print(f"exported {len(rows)} orders for {day} to s3://{os.environ['S3_BUCKET']}/{key}")


if __name__ == "__main__":
    main()
