# hum demo "flaky": starts, works for a few seconds, then fails with exit code 1.
echo "connecting to the database at localhost:5432 ..."
sleep 1
echo "connected; running migrations"
sleep 2
echo "migration 0042_add_orders applied"
sleep 1
echo "error: lost connection to the database (connection reset by peer)" >&2
exit 1
