"""Cartemploi's part of the demo territory, a `seed_demo` step registered by
`CartemploiConfig.ready`.

- `profiles`: young people, companies, their offers and conversations around the demo
  mission locale (`seed_cartemploi_demo`).
"""
