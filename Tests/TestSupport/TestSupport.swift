// TestSupport: a real server on a loopback port, an API client and a tmux driver.
