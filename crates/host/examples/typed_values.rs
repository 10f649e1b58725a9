//! Moving your own Rust types in and out of Lua with serde.
//!
//! Run it with `cargo run -p lua-wasm-host --example typed_values`.

use std::sync::Arc;

use anyhow::Result;
use lua_wasm_host::{Engine, MemoryStore, Vm};
use serde::{Deserialize, Serialize};

#[derive(Debug, Serialize, Deserialize)]
struct Order {
    item: String,
    quantity: i64,
    unit_price: f64,
}

fn main() -> Result<()> {
    let mut vm = Vm::new(&Engine::new()?, Arc::new(MemoryStore::new()))?;

    // Step 1: a pricing rule written in Lua, as a user of your product would write it.
    vm.exec(
        "function price(order)
           local total = order.quantity * order.unit_price
           if order.quantity >= 10 then total = total * 0.9 end
           return total, order.quantity >= 10
         end",
    )?;

    // Step 2: call it with a Rust value; get typed results back.
    let order = Order {
        item: "widget".into(),
        quantity: 12,
        unit_price: 2.5,
    };
    let (total, discounted): (f64, bool) = vm.call("price", (&order,))?;
    println!(
        "{} x {}: {total:.2} (discount: {discounted})",
        order.quantity, order.item
    );

    // Step 3: globals both ways.
    vm.set_global("orders", &vec![order])?;
    let orders: Vec<Order> = vm.global("orders")?;
    println!("read back: {orders:?}");
    Ok(())
}
