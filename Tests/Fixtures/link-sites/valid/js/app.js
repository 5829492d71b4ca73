console.log("avance");
