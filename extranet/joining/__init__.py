"""The partner sign-up path: a signed-in person asks to join a structure; its manager or
the regional admin accepts (a `Membership` is created) or refuses (with a reason)."""
